package dev.parley.server.hardening;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.parley.protocol.Limits;
import dev.parley.server.ParleyServer;
import dev.parley.server.ServerConfig;
import java.io.IOException;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/// A client that keeps flooding past the rate limit is told so, then closed with 1008 through a
/// complete close handshake: it reads the close frame even though it was still writing when the
/// server closed, and after its reply the server ends the TCP connection.
@Timeout(value = 30, unit = SECONDS)
class FloodTest {

    private ParleyServer server;
    private RawWebSocket flood;

    @BeforeEach
    void connect() throws IOException {
        server = ParleyServer.start(ServerConfig.forTests().withLimits(Limits.DEFAULTS.withRate(1, 2)));
        flood = RawWebSocket.connect(server.port(), "/ws?clientId=flood");
        flood.readTextContaining("\"history\"");
    }

    @AfterEach
    void stop() throws IOException {
        flood.close();
        server.stop();
    }

    @Test
    void sustainedFloodingIsClosedWithPolicy() throws Exception {
        // Far more than the server reads before it decides: most are still unread when it does.
        for (int i = 0; i < 2_000; i++) {
            flood.sendText("{\"type\":\"ping\"}");
        }
        assertThat(flood.readTextContaining("too many messages; closing").text()).contains("rate_limited");
        var close = flood.readUntil(RawWebSocket.CLOSE);
        assertThat(close).as("a close frame, not a cut connection").isNotNull();
        assertThat(close.closeCode()).isEqualTo(1008);
        flood.send(true, 0, RawWebSocket.CLOSE, close.payload(), true);
        assertThat(flood.readUntil(RawWebSocket.CLOSE)).as("nothing after the close").isNull();
        await().atMost(Duration.ofSeconds(5)).until(() -> server.stats().connections() == 0);
    }

    /// Binary frames are refused, and they count like text: a flood of them is closed too.
    @Test
    void aFloodOfBinaryFramesIsClosedWithPolicy() throws Exception {
        for (int i = 0; i < 2_000; i++) {
            flood.send(true, 0, RawWebSocket.BINARY, new byte[] {1}, true);
        }
        assertThat(flood.readTextContaining("too many messages; closing").text()).contains("rate_limited");
        var close = flood.readUntil(RawWebSocket.CLOSE);
        assertThat(close).as("a close frame, not a cut connection").isNotNull();
        assertThat(close.closeCode()).isEqualTo(1008);
    }

    /// The server waits for a flood to stop before closing, but not for ever: a client that goes
    /// on sending is cut about 2 s after it was told.
    @Test
    void aFloodThatGoesOnIsCutAnyway() throws Exception {
        long start = System.nanoTime();
        boolean cut = false;
        while (!cut && System.nanoTime() - start < SECONDS.toNanos(8)) {
            try {
                flood.sendText("{\"type\":\"ping\"}");
                Thread.sleep(1);
            } catch (IOException resetOrBrokenPipe) {
                cut = true;
            }
        }
        long tookMillis = (System.nanoTime() - start) / 1_000_000;
        assertThat(cut).as("the flooding connection was cut").isTrue();
        assertThat(tookMillis).as("cut ~2 s after it was told").isBetween(1_500L, 5_000L);
        await().atMost(Duration.ofSeconds(5)).until(() -> server.stats().connections() == 0);
    }
}
