package dev.parley.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 60, unit = TimeUnit.SECONDS)
class LifecycleTest {

    @Test
    void stopSaysGoodbyeClosesWith1001AndFreesThePort() throws Exception {
        var server = TestServers.start();
        int port = server.port();
        try (var alice = WsClient.connect(server, "clientId=alice").joined()) {
            server.stop();
            assertThat(alice.next("system").get("payload").getAsString()).isEqualTo("room is closing");
            assertThat(alice.closeCode()).isEqualTo(1001);
        }
        server.stop(); // idempotent
        try (var again = new ServerSocket(port, 50, InetAddress.getLoopbackAddress())) {
            assertThat(again.getLocalPort()).isEqualTo(port);
        }
    }

    @Test
    void aTakenPortThrowsPortInUse() throws Exception {
        try (var taken = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            assertThatThrownBy(() -> ParleyServer.start(ServerConfig.forTests().withPort(taken.getLocalPort())))
                    .isInstanceOf(PortInUseException.class)
                    .satisfies(failure -> assertThat(((PortInUseException) failure).port()).isEqualTo(taken.getLocalPort()));
        }
    }

    @Test
    void aThousandConnectionsOpenedAndClosedLeaveNothingBehind() {
        try (var server = TestServers.start()) {
            try (var _ = WsClient.connect(server, "clientId=watcher").joined()) {
                // Eight at a time, as a crowd would; names repeat, so suffixes come and go too.
                var lanes = new ArrayList<Future<?>>();
                try (var crowd = Executors.newVirtualThreadPerTaskExecutor()) {
                    for (int t = 0; t < 8; t++) {
                        int lane = t;
                        lanes.add(crowd.submit(() -> {
                            for (int i = lane; i < 1_000; i += 8) {
                                var client = WsClient.connect(server, "clientId=c" + (i % 7) + "&room=r" + (i % 5));
                                // Half say goodbye properly, half vanish as a crashed client would.
                                if (i % 2 == 0) {
                                    client.joined();
                                    client.close();
                                } else {
                                    client.abort();
                                }
                            }
                            return null;
                        }));
                    }
                }
                for (var lane : lanes) {
                    assertThat(lane).succeedsWithin(Duration.ZERO);
                }
                await().atMost(Duration.ofSeconds(10)).until(() -> server.stats().connections() == 1);
                assertThat(server.stats().rooms()).isEqualTo(1);
            }
            await().atMost(Duration.ofSeconds(5)).until(() -> server.stats().connections() == 0);
            assertThat(server.stats().rooms()).isZero();
            // The names are free again.
            try (var again = WsClient.connect(server, "clientId=c1")) {
                assertThat(again.payload("welcome").get("clientId").getAsString()).isEqualTo("c1");
            }
        }
    }

    @Test
    void startAndStopLeaveNoThreadBehind() {
        // Warm up once: the JDK's HTTP client and Jetty's static helpers start lazily.
        try (var server = TestServers.start(); var client = WsClient.connect(server, "clientId=w").joined()) {
            client.chat("warm");
        }
        var before = threadNames();
        var server = TestServers.start();
        try (var client = WsClient.connect(server, "clientId=t").joined()) {
            client.chat("hello");
            client.next("chat");
            server.stop();
        }
        // Whatever the server started (Jetty's pool, acceptor, scheduler, our timer) is gone;
        // only the test's own JDK HTTP client threads may remain.
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(threadNames())
                .filteredOn(name -> !before.contains(name))
                .allMatch(name -> name.startsWith("HttpClient-") || name.startsWith("ForkJoinPool") || name.startsWith("awaitility")));
    }

    private static Set<String> threadNames() {
        return Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive).map(Thread::getName)
                .collect(Collectors.toSet());
    }
}
