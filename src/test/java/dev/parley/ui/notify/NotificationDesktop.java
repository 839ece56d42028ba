package dev.parley.ui.notify;

import dev.parley.packaging.VirtualDisplay;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/// A desktop of its own for a test: Xvfb on a free display, a private D-Bus session bus, and the
/// dunst notification daemon on both, so that a real notification service shows what Parley
/// sends without touching the machine's own session. `dunstctl` tells what dunst shows.
public final class NotificationDesktop implements AutoCloseable {

    /// Set to `absent` where Xvfb, dbus-daemon or dunst cannot be installed; CI installs them.
    public static final String PROPERTY = "parley.notify.desktop";

    private final VirtualDisplay display;
    private final Process bus;
    private final String address;
    private final Process dunst;

    private NotificationDesktop(VirtualDisplay display, Process bus, String address, Process dunst) {
        this.display = display;
        this.bus = bus;
        this.address = address;
        this.dunst = dunst;
    }

    /// The tools this needs, missing ones named, so that a test can fail saying what to install.
    public static List<String> missingTools() {
        var missing = new ArrayList<String>();
        for (var tool : List.of("Xvfb", "dbus-daemon", "dunst", "dunstctl")) {
            var onPath = java.util.Arrays.stream(System.getenv().getOrDefault("PATH", "").split(":"))
                    .anyMatch(dir -> Files.isExecutable(Path.of(dir, tool)));
            if (!onPath) {
                missing.add(tool);
            }
        }
        return missing;
    }

    public static NotificationDesktop start(Path dir) throws IOException, InterruptedException {
        var display = VirtualDisplay.start();
        Process bus = null;
        try {
            bus = new ProcessBuilder("dbus-daemon", "--session", "--nofork", "--print-address=1",
                    "--address=unix:path=" + dir.resolve("bus"))
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
            var address = new BufferedReader(new InputStreamReader(bus.getInputStream(), StandardCharsets.UTF_8)).readLine();
            if (address == null || !address.startsWith("unix:")) {
                throw new IOException("dbus-daemon printed no address: " + address);
            }
            var config = dir.resolve("dunstrc");
            Files.writeString(config, """
                    [global]
                        font = DejaVu Sans 11
                        width = 420
                        height = 160
                        origin = top-right
                        offset = 16x16
                        padding = 12
                        horizontal_padding = 14
                        frame_width = 1
                        frame_color = "#8a94a6"
                        corner_radius = 6
                        format = "<b>%s</b>\\n%b"
                        markup = no
                        history_length = 100
                        show_indicators = no
                    [urgency_low]
                        background = "#ffffff"
                        foreground = "#1f2328"
                        timeout = 0
                    [urgency_normal]
                        background = "#ffffff"
                        foreground = "#1f2328"
                        timeout = 0
                    """);
            var dunst = new ProcessBuilder("dunst", "-config", config.toString());
            dunst.environment().put("DISPLAY", display.display());
            dunst.environment().put("DBUS_SESSION_BUS_ADDRESS", address);
            dunst.environment().remove("WAYLAND_DISPLAY");
            var log = dir.resolve("dunst.log").toFile();
            var desktop = new NotificationDesktop(display, bus, address,
                    dunst.redirectErrorStream(true).redirectOutput(log).start());
            desktop.awaitDunst();
            return desktop;
        } catch (IOException | InterruptedException | RuntimeException e) {
            if (bus != null) {
                bus.destroyForcibly();
            }
            display.close();
            throw e;
        }
    }

    /// dunst answers `dunstctl` once it owns its bus name.
    private void awaitDunst() throws IOException, InterruptedException {
        for (int i = 0; i < 100; i++) {
            if (!dunst.isAlive()) {
                throw new IOException("dunst stopped at start, exit " + dunst.exitValue());
            }
            if (ctl("is-paused").strip().equals("false")) {
                return;
            }
            Thread.sleep(100);
        }
        throw new IOException("dunst did not answer on the bus");
    }

    /// The bus's address, for [DbusNotifier#atAddress].
    public String address() {
        return address;
    }

    public String display() {
        return display.display();
    }

    /// Runs `dunstctl ARGS` on this desktop's bus; returns what it printed.
    public String ctl(String... args) throws IOException, InterruptedException {
        var command = new ArrayList<String>();
        command.add("dunstctl");
        command.addAll(List.of(args));
        var builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("DBUS_SESSION_BUS_ADDRESS", address);
        builder.environment().put("DISPLAY", display.display());
        var process = builder.start();
        var out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
        return out;
    }

    @Override
    public void close() throws InterruptedException {
        for (var process : List.of(dunst, bus)) {
            process.destroy();
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
        display.close();
    }
}
