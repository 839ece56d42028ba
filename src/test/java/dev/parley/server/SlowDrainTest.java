package dev.parley.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.parley.protocol.Limits;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/// A member that reads a long backlog slowly answers the server's pings only once it has read
/// what came before them, so it may hear nothing from it for longer than the idle limit. It is
/// not closed as silent while what the server sends it keeps draining (in a big room's reconnect
/// storm such members were closed, came back, were sent the whole list again, and the room never
/// settled); once it stops reading altogether, it is.
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class SlowDrainTest {

    private static final int MESSAGES = 600;
    private static final String TEXT = "d".repeat(3_900);
    /// A pace (200 KiB/s) slower than any sender's, so the backlog never runs dry while it is
    /// sent, and its reading takes more than two idle limits.
    private static final int STEP_BYTES = 8 * 1024;
    private static final long STEP_MILLIS = 40;

    @Test
    void aMemberDrainingItsBacklogSlowlyIsNotClosedAsSilent() throws Exception {
        var limits = Limits.DEFAULTS.withRate(0, 0).withMaxOutboundBytes(16 * 1024 * 1024)
                .withTimeouts(Duration.ofMillis(250), Duration.ofSeconds(5));
        try (var server = TestServers.start(ServerConfig.forTests().withLimits(limits));
             var sender = WsClient.connect(server, "clientId=sender").joined();
             var socket = new Socket()) {
            socket.setReceiveBufferSize(16 * 1024);
            socket.connect(new InetSocketAddress("127.0.0.1", server.port()), 5_000);
            socket.getOutputStream().write(("GET /ws?clientId=slow HTTP/1.1\r\nHost: 127.0.0.1:" + server.port()
                    + "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"
                    + "Sec-WebSocket-Version: 13\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
            await().atMost(Duration.ofSeconds(15)).until(() -> server.connection("slow") != null);
            var read = CompletableFuture.supplyAsync(() -> readSlowly(socket));
            // Faster than the member reads: a backlog builds up at the server and drains slowly.
            for (int i = 0; i < MESSAGES; i++) {
                sender.chat(TEXT);
            }
            long total = read.get(90, TimeUnit.SECONDS);
            assertThat(total).as("bytes read before the server closed the connection")
                    .isGreaterThan((long) MESSAGES * TEXT.length());
        }
    }

    /// Reads at a slow reader's pace until the server closes; never answers a ping. Returns the
    /// bytes read.
    private static long readSlowly(Socket socket) {
        long total = 0;
        var buffer = new byte[STEP_BYTES];
        try {
            socket.setSoTimeout(30_000);
            var in = socket.getInputStream();
            for (int n; (n = in.read(buffer)) >= 0; ) {
                total += n;
                Thread.sleep(STEP_MILLIS); // the reader's own pace, not a wait for a condition
            }
        } catch (IOException | InterruptedException ended) {
            // Reset, timed out or interrupted: what was read so far is the answer.
        }
        return total;
    }
}
