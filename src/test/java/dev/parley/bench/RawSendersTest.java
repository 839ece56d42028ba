package dev.parley.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.parley.protocol.Limits;
import dev.parley.server.ParleyServer;
import dev.parley.server.ServerConfig;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/// The window flood's plain-socket senders: they stay connected by answering the server's
/// pings, their frames arrive, and their reader finds frame boundaries however the bytes are cut.
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class RawSendersTest {

    @Test
    void sendersAnswerPingsStayConnectedAndTheirMessagesArrive() throws Exception {
        // Pings every 200 ms, closed after 600 ms without hearing anything: silent for 2 s,
        // only the pongs keep the senders connected.
        var limits = Limits.DEFAULTS.withRate(0, 0).withTimeouts(Duration.ofMillis(200), Duration.ofMillis(600));
        var tally = new Tally();
        try (var server = ParleyServer.start(ServerConfig.forTests().withLimits(limits));
             var senders = RawSenders.open(server.localUri(), 2, tally)) {
            Thread.sleep(2_000);
            assertThat(server.stats().connections()).as("still connected after 2 s of silence").isEqualTo(2);
            var pacer = new Pacer(senders, 2);
            assertThat(pacer.run(100, 1)).isBetween(90L, 101L);

            assertThat(senders.openCount()).isEqualTo(2);
            assertThat(server.stats().connections()).isEqualTo(2);
            await().atMost(Duration.ofSeconds(5)).until(() -> server.stats().messagesIn() >= pacer.sent[0] + pacer.sent[1]);
            assertThat(pacer.skipped).isZero();
            assertThat(tally.errors()).isZero();
        }
    }

    @Test
    void framesSplitAnywhereAreWalkedAndThePingIsFound() throws Exception {
        var stream = new ByteArrayOutputStream();
        stream.write(serverFrame(0x1, new byte[5]));
        stream.write(serverFrame(0x1, new byte[300])); // 16-bit length
        stream.write(serverFrame(0x1, new byte[70_000])); // 64-bit length
        stream.write(serverFrame(0x9, new byte[] {1, 2, 3}));
        stream.write(serverFrame(0x1, new byte[0]));
        byte[] bytes = stream.toByteArray();
        for (int cut : new int[] {1, 2, 3, 7, 13, 1_000, bytes.length}) {
            var walker = new RawSenders.Walker();
            RawSenders.Control found = null;
            for (int at = 0; at < bytes.length; at += cut) {
                var control = walker.parse(ByteBuffer.wrap(bytes, at, Math.min(cut, bytes.length - at)).slice());
                if (control != null) {
                    assertThat(found).as("one control frame, cut %d", cut).isNull();
                    found = control;
                }
            }
            assertThat(found).as("cut %d", cut).isNotNull();
            assertThat(found.opcode()).isEqualTo(0x9);
            assertThat(found.payload()).containsExactly(1, 2, 3);
            assertThat(walker.midFrame()).as("ends between frames, cut %d", cut).isFalse();
        }
    }

    /// An unmasked frame as a server writes it.
    private static byte[] serverFrame(int opcode, byte[] payload) {
        var frame = ByteBuffer.allocate(payload.length + 10);
        frame.put((byte) (0x80 | opcode));
        if (payload.length < 126) {
            frame.put((byte) payload.length);
        } else if (payload.length <= 0xFFFF) {
            frame.put((byte) 126).putShort((short) payload.length);
        } else {
            frame.put((byte) 127).putLong(payload.length);
        }
        frame.put(payload).flip();
        var bytes = new byte[frame.remaining()];
        frame.get(bytes);
        return bytes;
    }
}
