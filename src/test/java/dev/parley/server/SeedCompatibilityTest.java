package dev.parley.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/// A client that speaks only the Bun seed's protocol: `clientId` in the query,
/// `{"type":"chat","payload":{"text":…}}` out, and it reads `system`, `chat {from,text,time}`
/// and `error` — the seed's demo page must work against Parley unchanged.
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class SeedCompatibilityTest {

    @Test
    void theSeedsClientJoinsChatsAndGetsErrors() {
        try (var server = TestServers.start();
             var demo = WsClient.connect(server, "clientId=browser-demo");
             var other = WsClient.connect(server, "clientId=other")) {
            // Each client gets the seed's string-payload `system` for its own join once it is in
            // the room (the two handshakes race, so the other's notice may come first or never).
            // Waiting for both makes the chat below reach `other` live, not in its join history.
            awaitOwnJoin(demo, "browser-demo joined");
            awaitOwnJoin(other, "other joined");

            demo.send("{\"type\":\"chat\",\"payload\":{\"text\":\"hi from the seed\"}}");
            for (var reader : new WsClient[] {demo, other}) {
                var chat = reader.payload("chat");
                assertThat(chat.get("from").getAsString()).isEqualTo("browser-demo");
                assertThat(chat.get("text").getAsString()).isEqualTo("hi from the seed");
                assertThat(Instant.parse(chat.get("time").getAsString())).isBeforeOrEqualTo(Instant.now());
            }

            demo.send("{not json");
            var error = demo.next("error");
            assertThat(error.getAsJsonObject("payload").get("code").getAsString()).isEqualTo("bad_json");
            demo.assertOpen();
        }
    }

    private static void awaitOwnJoin(WsClient client, String notice) {
        while (true) {
            var system = client.next("system");
            assertThat(system.get("payload").isJsonPrimitive()).as("the seed's string payload").isTrue();
            if (system.get("payload").getAsString().equals(notice)) {
                return;
            }
        }
    }
}
