package dev.parley.client;

import dev.parley.protocol.Fingerprint;
import java.net.URI;
import java.time.Duration;

/// What to connect to and as whom. `serverUri` is the full `ws://HOST:PORT/ws` (or `wss://`)
/// address; [Addresses#parse] turns what a user types into one. With `wss://` the server's
/// certificate must match `expectedFingerprint` (from discovery or the user; null: none) and the
/// pin in `knownServers` (null: pins live only as long as the client); see [KnownServers].
/// `key` makes the name this client's own on that server (design.md v2; see [ServerKeys]);
/// null connects without one (the name is nobody's, as in protocol v1).
public record ClientConfig(URI serverUri, String name, String room, String password,
                           Duration minBackoff, Duration maxBackoff, Duration pingInterval,
                           String expectedFingerprint, KnownServers knownServers, String key) {

    /// Without a key (the constructor before it).
    public ClientConfig(URI serverUri, String name, String room, String password,
                        Duration minBackoff, Duration maxBackoff, Duration pingInterval,
                        String expectedFingerprint, KnownServers knownServers) {
        this(serverUri, name, room, password, minBackoff, maxBackoff, pingInterval, expectedFingerprint, knownServers, null);
    }

    public ClientConfig withKey(String newKey) {
        return new ClientConfig(serverUri, name, room, password, minBackoff, maxBackoff, pingInterval, expectedFingerprint,
                knownServers, newKey);
    }

    public ClientConfig {
        minBackoff = minBackoff == null ? Duration.ofMillis(500) : minBackoff;
        maxBackoff = maxBackoff == null ? Duration.ofSeconds(30) : maxBackoff;
        pingInterval = pingInterval == null ? Duration.ofSeconds(10) : pingInterval;
        expectedFingerprint = expectedFingerprint == null || expectedFingerprint.isBlank()
                ? null : Fingerprint.normalize(expectedFingerprint);
    }

    public static ClientConfig of(URI serverUri, String name, String room, String password) {
        return new ClientConfig(serverUri, name, room, password, null, null, null);
    }

    /// Without TLS settings (the constructor before them).
    public ClientConfig(URI serverUri, String name, String room, String password,
                        Duration minBackoff, Duration maxBackoff, Duration pingInterval) {
        this(serverUri, name, room, password, minBackoff, maxBackoff, pingInterval, null, null);
    }

    public ClientConfig withExpectedFingerprint(String fingerprint) {
        return new ClientConfig(serverUri, name, room, password, minBackoff, maxBackoff, pingInterval, fingerprint, knownServers, key);
    }

    public ClientConfig withKnownServers(KnownServers store) {
        return new ClientConfig(serverUri, name, room, password, minBackoff, maxBackoff, pingInterval, expectedFingerprint, store, key);
    }
}
