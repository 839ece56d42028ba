package dev.parley.server.hardening;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.protocol.Limits;
import dev.parley.server.ParleyServer;
import dev.parley.server.ServerConfig;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/// A burst of handshakes and of messages does not grow the server's thread pool past its cap:
/// uncapped, Jetty's pool grows to 200 threads in such a burst and keeps them while pings keep
/// them busy now and then (10,000 idle connections held 199 of them, ~5 KB of RSS each
/// connection).
@Timeout(value = 120, unit = SECONDS)
class ThreadBurstTest {

    private static final int CONNECTIONS = 1_500;
    private static final int WORKERS = 96;

    @Test
    void aBurstOfConnectionsAndMessagesStaysWithinThePoolCap() throws Exception {
        var before = Set.copyOf(Thread.getAllStackTraces().keySet());
        var sockets = new ConcurrentLinkedQueue<RawWebSocket>();
        try (var server = ParleyServer.start(ServerConfig.forTests()
                .withLimits(Limits.DEFAULTS.withConnections(CONNECTIONS, CONNECTIONS)))) {
            var peak = new AtomicInteger();
            var sampler = Thread.ofPlatform().daemon().start(() -> {
                while (!Thread.currentThread().isInterrupted()) {
                    peak.accumulateAndGet(poolThreads(before), Math::max);
                    try {
                        Thread.sleep(5);
                    } catch (InterruptedException stop) {
                        return;
                    }
                }
            });
            try {
                inParallel(CONNECTIONS, i -> {
                    var socket = RawWebSocket.connect(server.port(), "/ws?clientId=burst&room=b" + i);
                    sockets.add(socket);
                    socket.readTextContaining("\"welcome\"");
                });
                var open = List.copyOf(sockets);
                for (int round = 0; round < 3; round++) {
                    inParallel(open.size(), i -> open.get(i).sendText("{\"type\":\"ping\",\"payload\":{\"t\":" + i + "}}"));
                    inParallel(open.size(), i -> open.get(i).readTextContaining("\"pong\""));
                }
            } finally {
                sampler.interrupt();
                sampler.join();
                for (var socket : sockets) {
                    socket.close();
                }
            }
            int cap = ParleyServer.maxThreads(Runtime.getRuntime().availableProcessors());
            System.out.printf("thread burst: %d connections, pool threads at most %d (cap %d)%n", sockets.size(), peak.get(), cap);
            assertThat(sockets).hasSize(CONNECTIONS);
            assertThat(peak.get()).as("pool threads during the burst").isPositive().isLessThanOrEqualTo(cap);
        }
    }

    private interface Step {
        void run(int index) throws IOException;
    }

    private static void inParallel(int count, Step step) throws Exception {
        var next = new AtomicInteger();
        var failures = new ConcurrentLinkedQueue<Exception>();
        try (var workers = Executors.newFixedThreadPool(WORKERS)) {
            for (int w = 0; w < WORKERS; w++) {
                workers.submit(() -> {
                    for (int i; (i = next.getAndIncrement()) < count; ) {
                        try {
                            step.run(i);
                        } catch (IOException | RuntimeException e) {
                            failures.add(e);
                        }
                    }
                });
            }
        }
        assertThat(new ArrayList<>(failures)).as("failed steps").isEmpty();
    }

    private static int poolThreads(Set<Thread> before) {
        int count = 0;
        for (var thread : Thread.getAllStackTraces().keySet()) {
            if (thread.getName().startsWith("parley-http") && !before.contains(thread)) {
                count++;
            }
        }
        return count;
    }
}
