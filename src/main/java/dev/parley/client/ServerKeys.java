package dev.parley.client;

import dev.parley.protocol.AtomicWrite;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Locale;
import java.util.Properties;

/// One secret key per server (design.md v2, "A name belongs to its device"): made on first use,
/// kept in a file of the data folder that only its owner may read (600). Whoever has the key
/// has the names it claimed on that server. Thread-safe.
public final class ServerKeys {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final Path file;

    public ServerKeys(Path file) {
        this.file = file;
    }

    /// This device's key for `server` (scheme, host and port), made and saved on first use.
    public synchronized String keyFor(URI server) {
        var id = serverId(server);
        var keys = load();
        var key = keys.getProperty(id);
        if (key == null) {
            key = newKey();
            keys.setProperty(id, key);
            save(keys);
        }
        return key;
    }

    /// 32 random bytes in base64url: 43 URL-safe characters.
    static String newKey() {
        var bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static String serverId(URI server) {
        var scheme = server.getScheme() == null ? "ws" : server.getScheme().toLowerCase(Locale.ROOT);
        var host = server.getHost() == null ? "" : server.getHost().toLowerCase(Locale.ROOT);
        return scheme + "://" + host + ":" + server.getPort();
    }

    private Properties load() {
        var keys = new Properties();
        if (Files.exists(file)) {
            try {
                keys.load(new StringReader(Files.readString(file, StandardCharsets.UTF_8)));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the keys in " + file, e);
            }
        }
        return keys;
    }

    private void save(Properties keys) {
        try {
            var text = new StringWriter();
            keys.store(text, "Parley: this device's keys, one per server. Keep them private.");
            // Owner-only: AtomicWrite's temporary file is made 600 and renamed into place.
            AtomicWrite.write(file, text.toString().getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot save the keys in " + file, e);
        }
    }
}
