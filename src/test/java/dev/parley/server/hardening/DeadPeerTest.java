package dev.parley.server.hardening;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.protocol.Limits;
import dev.parley.server.ParleyServer;
import dev.parley.server.ServerConfig;
import java.io.IOException;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/// A peer that goes silent (a laptop lid closed: the TCP connection stays half-open) is closed
/// within ping interval + idle timeout, and its membership is cleaned up.
@Timeout(value = 30, unit = SECONDS)
class DeadPeerTest {

    private static final Duration PING = Duration.ofMillis(500);
    private static final Duration IDLE = Duration.ofMillis(1_500);

    @Test
    void aSilentPeerIsClosedAndLeavesTheRoom() throws Exception {
        var limits = Limits.DEFAULTS.withTimeouts(PING, IDLE);
        try (var server = ParleyServer.start(ServerConfig.forTests().withLimits(limits));
             var watcher = RawWebSocket.connect(server.port(), "/ws?clientId=watcher")) {
            watcher.readTextContaining("\"welcome\"");
            try (var silent = RawWebSocket.connect(server.port(), "/ws?clientId=silent")) {
                assertThat(silent.status).isEqualTo(101);
                watcher.readTextContaining("silent joined");
                long wentSilent = System.nanoTime();
                // The watcher answers the server's pings (it reads, and the pongs keep it alive):
                // read until the silent one is gone, answering pings on the way.
                String left = awaitLeft(watcher, "silent left");
                long tookMillis = (System.nanoTime() - wentSilent) / 1_000_000;
                assertThat(left).contains("silent left");
                assertThat(tookMillis).as("closed within ping + idle timeout (+1 s of slack)")
                        .isLessThanOrEqualTo(PING.plus(IDLE).toMillis() + 1_000);
                assertThat(server.stats().connections()).isEqualTo(1);
            }
        }
    }

    /// Reads (answering pings) until `needle` comes; gives up after 10 s with what it saw.
    private static String awaitLeft(RawWebSocket watcher, String needle) throws IOException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < deadline) {
            var frame = watcher.read();
            if (frame.opcode() == RawWebSocket.PING) {
                watcher.send(true, 0, RawWebSocket.PONG, frame.payload(), true);
            } else if (frame.opcode() == RawWebSocket.TEXT && frame.text().contains(needle)) {
                return frame.text();
            }
        }
        return "still not closed after 10 s";
    }
}
