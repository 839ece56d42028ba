package dev.parley.client;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.client.ClientEvent.ChatAcknowledged;
import dev.parley.client.ClientEvent.ChatReceived;
import dev.parley.client.ClientEvent.StateChanged;
import dev.parley.protocol.Limits;
import dev.parley.server.ParleyServer;
import dev.parley.server.ServerConfig;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import java.util.stream.LongStream;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/// Nothing lost (design.md) across a restarted server, a lost acknowledgement and a dead link.
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ClientReconnectTest {

    private ParleyServer server;
    private TcpProxy proxy;
    private final TestClients clients = new TestClients();

    @BeforeEach
    void start() throws Exception {
        server = ParleyServer.start(ServerConfig.forTests());
    }

    @AfterEach
    void stop() throws Exception {
        clients.close();
        server.stop();
        if (proxy != null) {
            proxy.close();
        }
    }

    private TestClients.Handle connect(URI uri, String name, Duration ping) {
        var config = new ClientConfig(uri, name, "lobby", null, Duration.ofMillis(100), Duration.ofMillis(500), ping);
        return clients.connected(config);
    }

    @Test
    void messagesSentWhileTheServerIsDownArriveOnceAfterItRestarts() throws Exception {
        var alice = connect(server.localUri(), "alice", null);
        var bob = connect(server.localUri(), "bob", null);
        alice.client().join("games");
        bob.client().join("games");
        alice.client().sendChat("lobby", "before");
        bob.log().await(ChatReceived.class, c -> c.chat().text().equals("before"));

        int port = server.port();
        server.stop();
        alice.log().await(StateChanged.class, s -> s.state() == ConnectionState.RECONNECTING);
        var first = alice.client().sendChat("lobby", "while down 1");
        alice.client().sendChat("games", "while down in games");
        var last = alice.client().sendChat("lobby", "while down 2");
        server = ParleyServer.start(ServerConfig.forTests().withPort(port));

        alice.log().await(ChatAcknowledged.class, a -> a.cid().equals(last));
        assertThat(alice.log().all(ChatAcknowledged.class)).extracting(ChatAcknowledged::cid).contains(first, last);
        bob.log().await(ChatReceived.class, c -> c.chat().text().equals("while down 2"));
        bob.log().await(ChatReceived.class, c -> c.chat().text().equals("while down in games"));
        Thread.sleep(300); // room for a duplicate to show up
        assertThat(bob.log().texts("lobby")).containsExactly("before", "while down 1", "while down 2");
        assertThat(bob.log().texts("games")).containsExactly("while down in games");
        assertThat(alice.log().texts("lobby")).containsExactly("before", "while down 1", "while down 2");
        assertThat(alice.log().all(ClientEvent.ChatFailed.class)).isEmpty();
        var states = alice.log().all(StateChanged.class).stream().map(StateChanged::state).toList();
        assertThat(states).containsSubsequence(ConnectionState.CONNECTED, ConnectionState.RECONNECTING,
                ConnectionState.CONNECTING, ConnectionState.CONNECTED);
    }

    @Test
    void withStoredHistoryTheNumberingGoesOnAcrossARestart(@TempDir Path data) throws Exception {
        server.stop();
        server = ParleyServer.start(ServerConfig.forTests().withDataDir(data));
        var alice = connect(server.localUri(), "alice", null);
        var bob = connect(server.localUri(), "bob", null);
        alice.client().sendChat("lobby", "before");
        bob.log().await(ChatReceived.class, c -> c.chat().text().equals("before"));

        int port = server.port();
        server.stop();
        bob.log().await(StateChanged.class, s -> s.state() == ConnectionState.RECONNECTING);
        alice.client().sendChat("lobby", "while down");
        server = ParleyServer.start(ServerConfig.forTests().withDataDir(data).withPort(port));

        bob.log().await(ChatReceived.class, c -> c.chat().text().equals("while down"));
        alice.client().sendChat("lobby", "after");
        bob.log().await(ChatReceived.class, c -> c.chat().text().equals("after"));
        var seqs = bob.log().all(ChatReceived.class).stream().map(c -> c.chat().seq()).toList();
        assertThat(seqs).containsExactly(1L, 2L, 3L);
        assertThat(bob.log().texts("lobby")).containsExactly("before", "while down", "after");
    }

    @Test
    void aMessageWhoseAcknowledgementWasLostIsStoredOnce() throws Exception {
        proxy = new TcpProxy(server.port());
        var alice = connect(proxy.uri(), "alice", null);
        var bob = connect(server.localUri(), "bob", null);

        proxy.dropDownstream(true);
        var cid = alice.client().sendChat("lobby", "exactly once");
        bob.log().await(ChatReceived.class, c -> c.chat().text().equals("exactly once"));
        Thread.sleep(200); // the acknowledgement reaches the proxy and is dropped there
        assertThat(alice.log().all(ChatAcknowledged.class)).isEmpty();
        proxy.dropDownstream(false);
        proxy.cutAll();

        var ack = alice.log().await(ChatAcknowledged.class, a -> a.cid().equals(cid));
        bob.client().sendChat("lobby", "after");
        alice.log().await(ChatReceived.class, c -> c.chat().text().equals("after"));
        assertThat(alice.log().texts("lobby")).containsExactly("exactly once", "after");
        assertThat(bob.log().texts("lobby")).containsExactly("exactly once", "after");
        assertThat(alice.log().all(ChatAcknowledged.class)).hasSize(1);
        bob.client().requestHistory("lobby", 0L, null, null);
        var page = bob.log().await(ClientEvent.HistoryPage.class, p -> true);
        assertThat(page.messages()).extracting(m -> m.text()).containsExactly("exactly once", "after");
        assertThat(page.messages().getFirst().seq()).isEqualTo(ack.chat().seq());
    }

    @Test
    void aLongAbsenceIsCaughtUpPageByPageInOrder() throws Exception {
        server.stop();
        server = ParleyServer.start(ServerConfig.forTests().withLimits(Limits.DEFAULTS.withRate(0, 0)));
        proxy = new TcpProxy(server.port());
        var alice = connect(proxy.uri(), "alice", null);
        var bob = connect(server.localUri(), "bob", null);
        bob.client().sendChat("lobby", "m0");
        alice.log().await(ChatReceived.class, c -> c.chat().text().equals("m0"));

        proxy.refuseNew(true);
        proxy.cutAll();
        alice.log().await(StateChanged.class, s -> s.state() == ConnectionState.RECONNECTING);
        for (int i = 1; i <= 180; i++) {
            bob.client().sendChat("lobby", "m" + i);
        }
        bob.log().await(ChatReceived.class, c -> c.chat().text().equals("m180"));
        proxy.refuseNew(false);

        alice.log().await(ChatReceived.class, c -> c.chat().text().equals("m180"));
        var expected = IntStream.rangeClosed(0, 180).mapToObj(i -> "m" + i).toList();
        assertThat(alice.log().texts("lobby")).containsExactlyElementsOf(expected);
        var seqs = alice.log().all(ChatReceived.class).stream().map(c -> c.chat().seq()).toList();
        assertThat(seqs).isEqualTo(LongStream.rangeClosed(1, 181).boxed().toList());
    }

    @Test
    void aSilentServerIsDeclaredDeadAndTheClientReconnects() throws Exception {
        proxy = new TcpProxy(server.port());
        var alice = connect(proxy.uri(), "alice", Duration.ofMillis(200));
        alice.log().await(ClientEvent.RoundTrip.class, r -> true);
        proxy.freezeOpenConnections();
        long frozenAt = System.nanoTime();

        var lost = alice.log().await(StateChanged.class, s -> s.reason() == DisconnectReason.LOST);
        long tookMillis = (System.nanoTime() - frozenAt) / 1_000_000;
        assertThat(lost.detail()).contains("no answer");
        assertThat(tookMillis).isBetween(2_000L, 10_000L);
        Awaitility.await().atMost(EventLog.WAIT).until(() ->
                alice.log().lastState().state() == ConnectionState.CONNECTED);
        var cid = alice.client().sendChat("lobby", "back");
        alice.log().await(ChatAcknowledged.class, a -> a.cid().equals(cid));
    }
}
