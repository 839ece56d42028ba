package dev.parley.client;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.client.ClientEvent.ChatAcknowledged;
import dev.parley.client.ClientEvent.ChatReceived;
import dev.parley.client.ClientEvent.StateChanged;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/// ParleyClient against the seed's own Bun server, which knows no welcome, rooms, seq or cid.
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class SeedInteropTest {

    @TempDir
    Path dir;

    private SeedServer seed;
    private final TestClients clients = new TestClients();

    @BeforeEach
    void startSeed() throws Exception {
        seed = SeedServer.start(dir);
    }

    @AfterEach
    void stop() throws Exception {
        clients.close();
        seed.close();
    }

    @Test
    void parleyClientsChatThroughTheSeedServer() {
        var alice = clients.connect(ClientConfig.of(seed.uri(), "alice", "lobby", null));
        var bob = clients.connect(ClientConfig.of(seed.uri(), "bob", "lobby", null));
        alice.log().await(ClientEvent.SeedServerDetected.class, e -> true);
        alice.log().awaitState(ConnectionState.CONNECTED);
        bob.log().awaitState(ConnectionState.CONNECTED);
        assertThat(alice.log().all(ClientEvent.SystemNotice.class)).extracting(ClientEvent.SystemNotice::text)
                .contains("alice joined");

        var cid = alice.client().sendChat("lobby", "  hello from Parley  ");

        var ack = alice.log().await(ChatAcknowledged.class, a -> a.cid().equals(cid));
        assertThat(ack.chat().text()).isEqualTo("hello from Parley");
        assertThat(ack.chat().from()).isEqualTo("alice");
        var own = alice.log().await(ChatReceived.class, c -> c.chat().text().equals("hello from Parley"));
        assertThat(own.own()).isTrue();
        assertThat(own.chat().room()).isEqualTo("lobby");
        var heard = bob.log().await(ChatReceived.class, c -> c.chat().text().equals("hello from Parley"));
        assertThat(heard.own()).isFalse();
        assertThat(heard.chat().from()).isEqualTo("alice");
        assertThat(alice.log().all(ClientEvent.SeedServerDetected.class)).hasSize(1);
        assertThat(alice.log().all(ClientEvent.ChatFailed.class)).isEmpty();

        var dm = alice.client().sendDm("bob", "the seed cannot do this");
        assertThat(alice.log().await(ClientEvent.ChatFailed.class, f -> f.cid().equals(dm)).reason()).contains("private");
        assertThat(alice.log().all(ClientEvent.Refused.class)).isEmpty();
    }

    @Test
    void messagesSentWhileTheSeedServerIsDownArriveOnceAfterItIsBack() throws Exception {
        var config = new ClientConfig(seed.uri(), "carol", "lobby", null,
                Duration.ofMillis(100), Duration.ofMillis(400), Duration.ofSeconds(10));
        var carol = clients.connect(config);
        carol.log().awaitState(ConnectionState.CONNECTED);
        seed.stop();
        carol.log().await(StateChanged.class, s -> s.state() == ConnectionState.RECONNECTING);
        var first = carol.client().sendChat("lobby", "while down 1");
        var second = carol.client().sendChat("lobby", "while down 2");
        seed.restart();

        carol.log().await(ChatAcknowledged.class, a -> a.cid().equals(second));
        assertThat(carol.log().all(ChatAcknowledged.class)).extracting(ChatAcknowledged::cid).containsExactly(first, second);
        assertThat(carol.log().texts("lobby")).containsExactly("while down 1", "while down 2");
        assertThat(carol.log().all(ClientEvent.SeedServerDetected.class)).hasSize(1);
    }

    /// The seed echoes a chat with neither cid nor seq: the line-level events still make one
    /// line of each message, the echo turning the own one from pending to sent.
    @Test
    void theSeedsEchoTurnsTheOwnLineSentWithoutASecondLine() throws Exception {
        var carol = clients.connect(ClientConfig.of(seed.uri(), "carol", "lobby", null));
        carol.log().awaitState(ConnectionState.CONNECTED);
        var cid = carol.client().sendChat("lobby", "hello");
        carol.client().sendChat("lobby", "hello");
        carol.log().await(ChatAcknowledged.class, a -> !a.cid().equals(cid));
        Thread.sleep(300); // room for a duplicate to show
        var lines = carol.log().all(ClientEvent.LineAdded.class);
        assertThat(lines).extracting(added -> added.line().text()).containsExactly("hello", "hello");
        assertThat(carol.log().all(ClientEvent.LineChanged.class)).extracting(changed -> changed.line().state())
                .containsExactly(Line.State.SENT, Line.State.SENT);
    }

    @Test
    void roundTripIsMeasuredWithWebSocketPingsTheSeedAnswers() {
        var config = new ClientConfig(seed.uri(), "dave", null, null, null, null, Duration.ofMillis(200));
        var dave = clients.connect(config);
        var rtt = dave.log().await(ClientEvent.RoundTrip.class, r -> true);
        assertThat(rtt.rtt()).isPositive().isLessThan(Duration.ofSeconds(5));
        // The seed answers a JSON ping with an error; the client must not have sent one.
        assertThat(dave.log().all(ClientEvent.Refused.class)).isEmpty();
    }

    @Test
    void aGuestOfTheSeedServerLearnsTheNameItWasGiven() {
        var guest = clients.connect(ClientConfig.of(seed.uri(), null, null, null));
        guest.log().awaitState(ConnectionState.CONNECTED);
        assertThat(guest.client().clientId()).startsWith("guest-");
        var cid = guest.client().sendChat("lobby", "hi");
        guest.log().await(ChatAcknowledged.class, a -> a.cid().equals(cid));
    }

    @Test
    void searchingTheSeedServerSaysItCannotSearch() {
        var alice = clients.connect(ClientConfig.of(seed.uri(), "alice", "lobby", null));
        alice.log().awaitState(ConnectionState.CONNECTED);

        alice.client().search("hello", null);

        var failed = alice.log().await(ClientEvent.SearchFailed.class, f -> true);
        assertThat(failed.problem()).isEqualTo(ClientEvent.SearchFailed.Problem.UNSUPPORTED);
        assertThat(alice.log().all(ClientEvent.ChatReceived.class)).isEmpty();
    }
}
