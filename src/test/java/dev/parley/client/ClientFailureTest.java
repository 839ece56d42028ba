package dev.parley.client;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.client.ClientEvent.StateChanged;
import dev.parley.protocol.Limits;
import dev.parley.server.ParleyServer;
import dev.parley.server.ServerConfig;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/// Every reason a connection fails, each against a real server (or a real closed port).
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ClientFailureTest {

    private static final Duration FAST = Duration.ofMillis(100);

    private ParleyServer server;
    private final TestClients clients = new TestClients();

    @AfterEach
    void stop() {
        clients.close();
        if (server != null) {
            server.stop();
        }
    }

    private static ClientConfig config(URI uri, String name, String password) {
        return new ClientConfig(uri, name, "lobby", password, FAST, Duration.ofMillis(300), null);
    }

    private TestClients.Handle connect(ServerConfig serverConfig, String name, String password) throws Exception {
        server = ParleyServer.start(serverConfig);
        return clients.connect(config(server.localUri(), name, password));
    }

    /// Waits for a final DISCONNECTED with `reason` and checks nothing is retried after it.
    private static StateChanged awaitFinal(TestClients.Handle handle, DisconnectReason reason) throws InterruptedException {
        var state = handle.log().await(StateChanged.class, s -> s.state() == ConnectionState.DISCONNECTED);
        assertThat(state.reason()).isEqualTo(reason);
        Thread.sleep(500); // several backoff periods: a retry would show as CONNECTING
        assertThat(handle.log().lastState()).isEqualTo(state);
        assertThat(handle.client().state()).isEqualTo(ConnectionState.DISCONNECTED);
        assertThat(handle.log().all(StateChanged.class, s -> s.state() == ConnectionState.CONNECTED)).isEmpty();
        return state;
    }

    @Test
    void aWrongPasswordStopsWithoutRetrying() throws Exception {
        var alice = connect(ServerConfig.forTests().withPassword("secret"), "alice", "guess");
        var cid = alice.client().sendChat("lobby", "let me in");
        awaitFinal(alice, DisconnectReason.WRONG_PASSWORD);
        alice.log().await(ClientEvent.ChatFailed.class, f -> f.cid().equals(cid));
    }

    @Test
    void theRightPasswordConnects() throws Exception {
        var alice = connect(ServerConfig.forTests().withPassword("s3cret & more"), "alice", "s3cret & more");
        alice.log().awaitState(ConnectionState.CONNECTED);
    }

    @Test
    void anInvalidNameStopsWithoutRetrying() throws Exception {
        var bad = connect(ServerConfig.forTests(), "bell\u0007name", null);
        awaitFinal(bad, DisconnectReason.NAME_INVALID);
    }

    @Test
    void aFullServerIsRetriedUntilThereIsRoom() throws Exception {
        var limits = Limits.DEFAULTS.withConnections(1, 1);
        var alice = connect(ServerConfig.forTests().withLimits(limits), "alice", null);
        alice.log().awaitState(ConnectionState.CONNECTED);
        var bob = clients.connect(config(server.localUri(), "bob", null));
        var full = bob.log().await(StateChanged.class, s -> s.reason() == DisconnectReason.SERVER_FULL);
        assertThat(full.state()).isEqualTo(ConnectionState.RECONNECTING);
        assertThat(full.retryIn()).isPositive();
        alice.client().close();
        bob.log().awaitState(ConnectionState.CONNECTED);
        assertThat(bob.log().all(StateChanged.class, s -> s.reason() == DisconnectReason.SERVER_FULL).size()).isGreaterThanOrEqualTo(1);
    }

    @Test
    void aPortWhereNothingListensIsUnreachableAndRetried() throws Exception {
        var uri = URI.create("ws://127.0.0.1:" + SeedServer.freePort() + "/ws");
        var alice = clients.connect(config(uri, "alice", null));
        alice.log().await(StateChanged.class, s -> s.reason() == DisconnectReason.UNREACHABLE);
        org.awaitility.Awaitility.await().atMost(EventLog.WAIT).until(() ->
                alice.log().all(StateChanged.class, s -> s.state() == ConnectionState.RECONNECTING
                        && s.reason() == DisconnectReason.UNREACHABLE).size() >= 3);
        assertThat(alice.log().all(StateChanged.class, s -> s.state() == ConnectionState.DISCONNECTED)).isEmpty();
    }

    @Test
    void aWrongPathIsRefused() throws Exception {
        server = ParleyServer.start(ServerConfig.forTests());
        var uri = URI.create("ws://127.0.0.1:" + server.port() + "/nope");
        var alice = clients.connect(config(uri, "alice", null));
        assertThat(awaitFinal(alice, DisconnectReason.REFUSED).detail()).contains("404");
    }

    @Test
    void aForeignBrowserOriginIsRefused() throws Exception {
        server = ParleyServer.start(ServerConfig.forTests());
        var alice = clients.connect(config(server.localUri(), "alice", null),
                Map.of("Origin", List.of("http://evil.example")));
        assertThat(awaitFinal(alice, DisconnectReason.REFUSED).detail()).contains("403");
    }

    @Test
    void aStoppedServerIsReportedAsClosedAndRetried() throws Exception {
        var alice = connect(ServerConfig.forTests(), "alice", null);
        alice.log().awaitState(ConnectionState.CONNECTED);
        server.stop();
        var closed = alice.log().await(StateChanged.class, s -> s.reason() == DisconnectReason.SERVER_CLOSED);
        assertThat(closed.state()).isEqualTo(ConnectionState.RECONNECTING);
        alice.log().await(StateChanged.class, s -> s.reason() == DisconnectReason.UNREACHABLE);
    }

    @Test
    void closingFailsWhatWaitsAndReportsClosedByUser() throws Exception {
        var uri = URI.create("ws://127.0.0.1:" + SeedServer.freePort() + "/ws");
        var alice = clients.connect(config(uri, "alice", null));
        var cid = alice.client().sendChat("lobby", "never sent");
        alice.client().close();
        alice.client().close();
        assertThat(alice.log().lastState().reason()).isEqualTo(DisconnectReason.CLOSED_BY_USER);
        assertThat(alice.log().all(ClientEvent.ChatFailed.class)).extracting(ClientEvent.ChatFailed::cid).containsExactly(cid);
        assertThat(alice.client().state()).isEqualTo(ConnectionState.DISCONNECTED);
    }
}
