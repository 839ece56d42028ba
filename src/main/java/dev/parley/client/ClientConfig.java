package dev.parley.client;

import java.net.URI;
import java.time.Duration;

/// What to connect to and as whom. `serverUri` is the full `ws://HOST:PORT/ws` (or `wss://`)
/// address; [Addresses#parse] turns what a user types into one.
public record ClientConfig(URI serverUri, String name, String room, String password,
                           Duration minBackoff, Duration maxBackoff, Duration pingInterval) {

    public ClientConfig {
        minBackoff = minBackoff == null ? Duration.ofMillis(500) : minBackoff;
        maxBackoff = maxBackoff == null ? Duration.ofSeconds(30) : maxBackoff;
        pingInterval = pingInterval == null ? Duration.ofSeconds(10) : pingInterval;
    }

    public static ClientConfig of(URI serverUri, String name, String room, String password) {
        return new ClientConfig(serverUri, name, room, password, null, null, null);
    }
}
