package dev.parley.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.protocol.Limits;
import java.lang.management.ManagementFactory;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/// A `history {limit: 500}` of wide messages (each ~24 KB encoded) is sized from each message's
/// encoding once: the server's work is bounded by the frame, not by re-encoding halves of the page.
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class WideHistoryTest {

    private static final String WIDE = "a" + "\u0001".repeat(3_999);
    private static final int REQUESTS = 10;

    /// CPU time of the server's own threads (Jetty's and Parley's), in nanoseconds.
    private static long serverCpuNanos() {
        var threads = ManagementFactory.getThreadMXBean();
        long total = 0;
        for (var info : threads.getThreadInfo(threads.getAllThreadIds())) {
            if (info != null && info.getThreadName().startsWith("parley-")) {
                total += Math.max(0, threads.getThreadCpuTime(info.getThreadId()));
            }
        }
        return total;
    }

    @Test
    void aPageOfFiveHundredWideMessagesCostsTheFewThatFit() {
        var limits = Limits.DEFAULTS.withRate(0, 0);
        try (var server = TestServers.start(ServerConfig.forTests().withLimits(limits));
             var alice = WsClient.connect(server, "clientId=alice&room=wide").joined()) {
            for (int i = 0; i < 500; i++) {
                alice.chat(WIDE);
                alice.next("chat");
            }
            alice.send("{\"type\":\"history\",\"payload\":{\"room\":\"wide\",\"limit\":500}}");
            alice.payload("history");  // warm-up

            long before = serverCpuNanos();
            for (int i = 0; i < REQUESTS; i++) {
                alice.send("{\"type\":\"history\",\"payload\":{\"room\":\"wide\",\"limit\":500}}");
                var history = alice.payload("history");
                assertThat(history.toString().length()).isLessThanOrEqualTo(limits.maxFrameBytes());
                assertThat(history.get("complete").getAsBoolean()).isFalse();
                var messages = history.getAsJsonArray("messages");
                assertThat(messages.get(messages.size() - 1).getAsJsonObject().get("seq").getAsLong()).isEqualTo(500);
            }
            long perRequest = (serverCpuNanos() - before) / REQUESTS;

            // Re-encoding halves of the page cost many times this; the two messages that fit, little.
            assertThat(TimeUnit.NANOSECONDS.toMillis(perRequest)).isLessThan(25);
        }
    }
}
