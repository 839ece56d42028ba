package dev.parley.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.parley.protocol.Limits;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 60, unit = TimeUnit.SECONDS)
class LimitsTest {

    @Test
    void messagesBeyondTheBurstAreRefusedWithRateLimited() {
        var config = ServerConfig.forTests().withLimits(Limits.DEFAULTS.withRate(0.1, 5));
        try (var server = TestServers.start(config); var alice = WsClient.connect(server, "clientId=alice").joined()) {
            for (int i = 0; i < 8; i++) {
                alice.send("{\"type\":\"ping\"}");
            }
            int pongs = 0;
            int limited = 0;
            for (int i = 0; i < 8; i++) {
                var frame = alice.next();
                var type = frame.get("type").getAsString();
                if (type.equals("pong")) {
                    pongs++;
                } else if (type.equals("error")) {
                    assertThat(frame.getAsJsonObject("payload").get("code").getAsString()).isEqualTo("rate_limited");
                    limited++;
                } else {
                    i--; // a presence update
                }
            }
            // One token may refill while the eight frames travel.
            assertThat(pongs).isBetween(5, 6);
            assertThat(limited).isEqualTo(8 - pongs);
            alice.assertOpen();
        }
    }

    @Test
    void aRateLimitedErrorNamesTheDroppedMessage() {
        var config = ServerConfig.forTests().withLimits(Limits.DEFAULTS.withRate(0.01, 1));
        try (var server = TestServers.start(config); var alice = WsClient.connect(server, "clientId=alice").joined()) {
            alice.send("{\"type\":\"chat\",\"payload\":{\"text\":\"first\",\"cid\":\"c1\"}}");
            alice.send("{\"type\":\"chat\",\"payload\":{\"text\":\"second\",\"cid\":\"c2\"}}");
            alice.send("{\"type\":\"typing\",\"payload\":{\"room\":\"lobby\"}}");
            var dropped = alice.payload("error");
            assertThat(dropped.get("code").getAsString()).isEqualTo("rate_limited");
            assertThat(dropped.get("ref").getAsString()).isEqualTo("c2");
            assertThat(alice.payload("error").get("ref").getAsString()).isEqualTo("typing");
        }
    }

    @Test
    void sustainedFloodingIsClosedWithPolicy() {
        var config = ServerConfig.forTests().withLimits(Limits.DEFAULTS.withRate(1, 2));
        try (var server = TestServers.start(config); var flood = WsClient.connect(server, "clientId=flood").joined()) {
            for (int i = 0; i < 100 && !flood.closed.isDone(); i++) {
                try {
                    flood.send("{\"type\":\"ping\"}");
                } catch (CompletionException closedMeanwhile) {
                    break; // the server's close came in between the check and the send
                }
            }
            assertThat(flood.closeCode()).isEqualTo(1008);
        }
    }

    @Test
    void aReaderThatFallsBehindIsClosedAndNobodyElseWaits() {
        var limits = Limits.DEFAULTS.withRate(0, 0).withMaxOutboundBytes(1024 * 1024);
        try (var server = TestServers.start(ServerConfig.forTests().withLimits(limits));
             var sender = WsClient.connect(server, "clientId=sender").joined();
             var reader = WsClient.connect(server, "clientId=reader").joined();
             var _ = WsClient.connect(server, "clientId=stuck", Map.of(), false)) {
            await().atMost(Duration.ofSeconds(5)).until(() -> server.stats().connections() == 3);
            var text = "z".repeat(3_000);
            // 6 MB, far more than the limit and the socket buffers hold: the stuck client's queue
            // must overflow. The sender keeps within 50 messages (150 KB) of the reader: unpaced,
            // a reader on a busy machine can itself fall 1 MiB behind and be closed, rightly.
            for (int i = 0; i < 2_000; i++) {
                sender.chat(text + i);
                if (i % 50 == 49) {
                    for (int j = i - 49; j <= i; j++) {
                        assertThat(reader.payload("chat").get("text").getAsString()).isEqualTo(text + j);
                    }
                }
            }
            await().atMost(Duration.ofSeconds(5)).until(() -> server.stats().connections() == 2);
        }
    }

    @Test
    void silentConnectionsAreClosedWhileThoseAnsweringPingsStay() throws Exception {
        // Generous margins: the CI machine is shared and busy.
        var limits = Limits.DEFAULTS.withTimeouts(Duration.ofMillis(250), Duration.ofSeconds(3));
        try (var server = TestServers.start(ServerConfig.forTests().withLimits(limits));
             var live = WsClient.connect(server, "clientId=live").joined();
             var _ = WsClient.connect(server, "clientId=silent", Map.of(), false)) {
            await().atMost(Duration.ofSeconds(5)).until(() -> server.stats().connections() == 2);
            await().atMost(Duration.ofSeconds(10)).until(() -> server.stats().connections() == 1);
            Thread.sleep(1_000);
            live.assertOpen();
            live.send("{\"type\":\"ping\"}");
            assertThat(live.payload("pong")).isNotNull();
        }
    }
}
