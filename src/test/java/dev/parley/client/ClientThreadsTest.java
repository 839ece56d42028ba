package dev.parley.client;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.server.ParleyServer;
import dev.parley.server.ServerConfig;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/// The client's threads: events on its own thread, one at a time; nothing left after close.
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ClientThreadsTest {

    private static Set<String> clientThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().startsWith("parley-client") || t.getName().startsWith("parley-jetty-client"))
                .map(t -> t.getName() + (t.isDaemon() ? "" : " (non-daemon)"))
                .collect(Collectors.toSet());
    }

    private static Set<Thread> nonDaemonThreads() {
        return Thread.getAllStackTraces().keySet().stream().filter(t -> !t.isDaemon() && t.isAlive())
                .collect(Collectors.toSet());
    }

    @Test
    void eventsComeOneAtATimeOnTheClientsThreadAndClosingLeavesNoThreadBehind() throws Exception {
        var before = nonDaemonThreads();
        try (var server = ParleyServer.start(ServerConfig.forTests())) {
            var clients = new TestClients();
            var handles = List.of(
                    clients.connect(ClientConfig.of(server.localUri(), "a", "lobby", null)),
                    clients.connect(ClientConfig.of(server.localUri(), "b", "lobby", null)),
                    clients.connect(ClientConfig.of(server.localUri(), "c", "lobby", null)));
            handles.forEach(h -> h.log().awaitState(ConnectionState.CONNECTED));
            for (int i = 0; i < 50; i++) {
                handles.get(i % 3).client().sendChat("lobby", "burst " + i);
            }
            for (var handle : handles) {
                Awaitility.await().atMost(EventLog.WAIT).until(() -> handle.log().texts("lobby").size() == 50);
                assertThat(handle.log().overlapped()).isFalse();
                assertThat(handle.log().threads()).hasSize(1).allSatisfy(t -> assertThat(t).startsWith("parley-client-"));
            }
            assertThat(SharedContainer.users()).isEqualTo(3);
            assertThat(SharedContainer.builtTlsContext()).as("a TLS context in the ws:// container").isFalse();
            assertThat(clientThreads()).isNotEmpty().allSatisfy(t -> assertThat(t).doesNotContain("non-daemon"));
            clients.close();
            assertThat(SharedContainer.users()).isZero();
        }
        Awaitility.await().atMost(EventLog.WAIT).untilAsserted(() -> assertThat(clientThreads()).isEmpty());
        // A plain loop: Awaitility's own (non-daemon) poller thread would count as a leak.
        Set<Thread> left = Set.of();
        for (int i = 0; i < 100; i++) {
            left = nonDaemonThreads();
            left.removeAll(before);
            left.removeIf(t -> t.getName().startsWith("awaitility"));
            if (left.isEmpty()) {
                break;
            }
            Thread.sleep(100);
        }
        assertThat(left).as("non-daemon threads left behind").isEmpty();
    }

    @Test
    void aListenerThatThrowsDoesNotStopTheClient() throws Exception {
        try (var server = ParleyServer.start(ServerConfig.forTests())) {
            var log = new EventLog();
            try (var client = new ParleyClient(ClientConfig.of(server.localUri(), "a", null, null), event -> {
                log.onEvent(event);
                throw new IllegalStateException("a careless listener");
            })) {
                client.connect();
                var cid = client.sendChat("lobby", "still works");
                log.await(ClientEvent.ChatAcknowledged.class, a -> a.cid().equals(cid));
            }
        }
    }

    @Test
    void aListenerMayCloseItsOwnClient() throws Exception {
        try (var server = ParleyServer.start(ServerConfig.forTests())) {
            var log = new EventLog();
            var holder = new AtomicReference<ParleyClient>();
            var client = new ParleyClient(ClientConfig.of(server.localUri(), "a", null, null), event -> {
                log.onEvent(event);
                if (event instanceof ClientEvent.StateChanged s && s.state() == ConnectionState.CONNECTED) {
                    holder.get().close();
                }
            });
            holder.set(client);
            client.connect();
            var closed = log.await(ClientEvent.StateChanged.class, s -> s.reason() == DisconnectReason.CLOSED_BY_USER);
            assertThat(closed.state()).isEqualTo(ConnectionState.DISCONNECTED);
            Awaitility.await().atMost(EventLog.WAIT).until(() -> SharedContainer.users() == 0);
        }
    }
}
