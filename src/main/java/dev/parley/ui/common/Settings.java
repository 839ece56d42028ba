package dev.parley.ui.common;

import dev.parley.protocol.OwnerOnly;
import dev.parley.server.ServerConfig;
import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;

/// The window's remembered choices, kept as `settings.properties` (UTF-8) in the data folder.
/// A plain mutable holder: read and written on the FX thread, saved from a snapshot elsewhere.
public final class Settings {

    public static final String FILE_NAME = "settings.properties";
    static final int MAX_RECENT = 8;

    public enum Theme { LIGHT, DARK }

    private String name = System.getProperty("user.name", "guest");
    private int port = ServerConfig.DEFAULT_PORT;
    private final List<String> recentServers = new ArrayList<>();
    private double width = 1100;
    private double height = 720;
    private Theme theme = Theme.LIGHT;
    /// Empty means "follow the system locale".
    private String language = "";
    private boolean announce = true;
    private boolean tls;

    public String name() { return name; }
    public void name(String value) { name = value; }
    public int port() { return port; }
    public void port(int value) { port = value; }
    public double width() { return width; }
    public double height() { return height; }
    public void size(double w, double h) { width = w; height = h; }
    public Theme theme() { return theme; }
    public void theme(Theme value) { theme = value; }
    public String language() { return language; }
    /// Host with "Encrypt (TLS)".
    public boolean tls() { return tls; }
    public void tls(boolean value) { tls = value; }
    public void language(String value) { language = value == null ? "" : value; }
    /// Announce a hosted room on the LAN (the host pane's checkbox).
    public boolean announce() { return announce; }
    public void announce(boolean value) { announce = value; }

    public List<String> recentServers() {
        return List.copyOf(recentServers);
    }

    /// Moves `address` to the front of the recent list, keeping at most [#MAX_RECENT].
    public void remember(String address) {
        recentServers.remove(address);
        recentServers.addFirst(address);
        while (recentServers.size() > MAX_RECENT) {
            recentServers.removeLast();
        }
    }

    /// Reads `dir/settings.properties`; a missing or unreadable file gives the defaults, and a
    /// damaged value keeps its default rather than refusing the whole file.
    public static Settings load(Path dir) {
        var settings = new Settings();
        var file = dir.resolve(FILE_NAME);
        if (!Files.isRegularFile(file)) {
            return settings;
        }
        var p = new Properties();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(in);
        } catch (IOException | IllegalArgumentException e) {
            return settings;
        }
        settings.name = p.getProperty("name", settings.name);
        settings.port = number(p, "port", settings.port);
        settings.width = number(p, "window.width", (int) settings.width);
        settings.height = number(p, "window.height", (int) settings.height);
        settings.theme = "dark".equals(p.getProperty("theme")) ? Theme.DARK : Theme.LIGHT;
        settings.language = p.getProperty("language", "");
        settings.announce = !"false".equals(p.getProperty("announce"));
        settings.tls = "true".equals(p.getProperty("host.tls"));
        var recent = p.getProperty("recentServers", "");
        Arrays.stream(recent.split("\n")).map(String::strip).filter(s -> !s.isEmpty())
                .limit(MAX_RECENT).forEach(settings.recentServers::add);
        return settings;
    }

    private static int number(Properties p, String key, int fallback) {
        try {
            return Integer.parseInt(p.getProperty(key, "").strip());
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    /// Writes atomically (temp file, then move) so a crash never leaves half a file.
    public void save(Path dir) throws IOException {
        var p = new Properties();
        p.setProperty("name", name);
        p.setProperty("port", Integer.toString(port));
        p.setProperty("window.width", Integer.toString((int) width));
        p.setProperty("window.height", Integer.toString((int) height));
        p.setProperty("theme", theme == Theme.DARK ? "dark" : "light");
        p.setProperty("language", language);
        p.setProperty("announce", Boolean.toString(announce));
        p.setProperty("host.tls", Boolean.toString(tls));
        p.setProperty("recentServers", String.join("\n", recentServers));
        OwnerOnly.folder(dir);
        var tmp = Files.createTempFile(dir, "settings", ".tmp");
        try (Writer out = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
            p.store(out, "Parley window settings");
        }
        Files.move(tmp, dir.resolve(FILE_NAME), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /// An independent copy, so the save on a background thread never sees a half-made change.
    public Settings copy() {
        var c = new Settings();
        c.name = name; c.port = port; c.width = width; c.height = height;
        c.theme = theme; c.language = language; c.announce = announce;
        c.tls = tls;
        c.recentServers.addAll(recentServers);
        return c;
    }
}
