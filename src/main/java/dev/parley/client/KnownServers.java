package dev.parley.client;

import dev.parley.protocol.AtomicWrite;
import dev.parley.protocol.Fingerprint;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/// The certificates this user has trusted, like SSH's `known_hosts`: `host:port` → SHA-256
/// fingerprint (see [dev.parley.protocol.Fingerprint]). Kept in the properties file
/// `known_servers` in the data folder, or only in memory (tests, or a client given none).
/// Thread-safe; every change is written at once (temporary file + rename).
public final class KnownServers {

    private static final System.Logger LOG = System.getLogger(KnownServers.class.getName());

    private final Path file;
    private final Map<String, String> pins = new TreeMap<>();

    private KnownServers(Path file) {
        this.file = file;
    }

    public static KnownServers inMemory() {
        return new KnownServers(null);
    }

    /// `dataDir/known_servers`, read now if it exists (it is made with the first pin).
    /// Throws when the file exists but cannot be read: a lost pin would silently trust again.
    public static KnownServers inFolder(Path dataDir) throws IOException {
        var store = new KnownServers(dataDir.resolve("known_servers"));
        if (Files.exists(store.file)) {
            var properties = new Properties();
            try {
                properties.load(new StringReader(Files.readString(store.file, StandardCharsets.UTF_8)));
                properties.forEach((key, value) -> store.pins.put((String) key, Fingerprint.normalize((String) value)));
            } catch (IOException | IllegalArgumentException damaged) {
                throw new IOException("the list of trusted servers " + store.file + " could not be read: "
                        + damaged.getMessage(), damaged);
            }
        }
        return store;
    }

    /// The key of a server address: `host:port`, the host in lower case (IPv6 in brackets),
    /// the port 443 when the address gives none.
    public static String key(URI serverUri) {
        int port = serverUri.getPort() > 0 ? serverUri.getPort() : 443;
        return serverUri.getHost().toLowerCase(Locale.ROOT) + ":" + port;
    }

    /// The pinned fingerprint for `hostPort`, or null.
    public synchronized String fingerprint(String hostPort) {
        return pins.get(hostPort);
    }

    /// Pins `fingerprint` for `hostPort` (replacing any earlier one) and saves.
    public synchronized void remember(String hostPort, String fingerprint) {
        pins.put(hostPort, Fingerprint.normalize(fingerprint));
        save();
    }

    /// Drops the pin of `hostPort`: the next connection trusts on first use again (what the
    /// user chooses after a changed certificate they know to be legitimate).
    public synchronized void forget(String hostPort) {
        if (pins.remove(hostPort) != null) {
            save();
        }
    }

    public synchronized Map<String, String> all() {
        return Map.copyOf(pins);
    }

    private void save() {
        if (file == null) {
            return;
        }
        var properties = new Properties();
        properties.putAll(pins);
        try {
            var text = new StringWriter();
            properties.store(text, "Parley: certificates trusted on first use (host:port = SHA-256 fingerprint)");
            AtomicWrite.write(file, text.toString().getBytes(StandardCharsets.UTF_8));
        } catch (IOException failure) {
            // The pin still holds for this run; the connection it protects need not fail.
            LOG.log(System.Logger.Level.WARNING, "could not save " + file, new UncheckedIOException(failure));
        }
    }
}
