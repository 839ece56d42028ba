package dev.parley.server.hardening;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.server.ParleyServer;
import dev.parley.server.ServerConfig;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/// 10,000 connect/close cycles leave threads, open files and heap within 5% of where they
/// started (after a warm-up, so that pools and caches have their working size).
@Timeout(value = 240, unit = SECONDS)
class ConnectionChurnTest {

    record Footprint(int threads, long openFiles, long heapBytes) {}

    @Test
    void tenThousandCyclesLeaveNothingBehind() throws Exception {
        try (var server = ParleyServer.start(ServerConfig.forTests()
                .withLimits(dev.parley.protocol.Limits.DEFAULTS.withConnections(1_000, 1_000)))) {
            cycles(server.port(), 1_000);
            var before = footprint();
            var threadsBefore = Thread.getAllStackTraces().keySet();
            cycles(server.port(), 10_000);
            awaitNoConnections(server);
            int allowedThreads = (int) Math.ceil(before.threads() * 1.05);
            // Pools shrink and other tests' clients wind down on their own clocks (Jetty's pool
            // retires idle threads after 10 s): give them time.
            for (int i = 0; i < 300 && Thread.activeCount() > allowedThreads; i++) {
                Thread.sleep(100);
            }
            var after = footprint();
            System.out.printf("churn: before %s, after %s%n", before, after);
            var newThreads = Thread.getAllStackTraces().keySet().stream().filter(t -> !threadsBefore.contains(t))
                    .map(Thread::getName).toList();
            assertThat(after.threads()).as("threads; new ones: %s", newThreads).isLessThanOrEqualTo(allowedThreads);
            assertThat(after.openFiles()).isLessThanOrEqualTo((long) Math.ceil(before.openFiles() * 1.05));
            assertThat(after.heapBytes()).isLessThanOrEqualTo((long) (before.heapBytes() * 1.05));
            assertThat(server.stats().connections()).isZero();
            assertThat(server.stats().rooms()).isZero();
        }
    }

    /// Four workers, each opening a connection, waiting for `welcome`, closing cleanly.
    private static void cycles(int port, int count) throws Exception {
        var next = new AtomicInteger();
        var failures = new AtomicInteger();
        try (var workers = Executors.newFixedThreadPool(4)) {
            for (int w = 0; w < 4; w++) {
                workers.submit(() -> {
                    while (next.getAndIncrement() < count) {
                        try (var socket = RawWebSocket.connect(port, "/ws?clientId=churn")) {
                            socket.readTextContaining("\"welcome\"");
                            socket.send(true, 0, RawWebSocket.CLOSE, new byte[] {0x03, (byte) 0xE8}, true);
                            socket.readUntil(RawWebSocket.CLOSE);
                        } catch (IOException e) {
                            failures.incrementAndGet();
                        }
                    }
                    return null;
                });
            }
        }
        assertThat(failures.get()).as("failed cycles").isZero();
    }

    private static void awaitNoConnections(ParleyServer server) throws InterruptedException {
        for (int i = 0; i < 100 && server.stats().connections() > 0; i++) {
            Thread.sleep(50);
        }
    }

    private static Footprint footprint() throws IOException, InterruptedException {
        long heap = Long.MAX_VALUE;
        for (int i = 0; i < 5; i++) {
            System.gc();
            Thread.sleep(100);
            heap = Math.min(heap, ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
        }
        try (var fds = Files.list(Path.of("/proc/self/fd"))) {
            return new Footprint(Thread.activeCount(), fds.count(), heap);
        }
    }
}
