package dev.parley.client;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.client.ClientEvent.ChatAcknowledged;
import dev.parley.client.ClientEvent.Refused;
import dev.parley.protocol.ErrorCode;
import dev.parley.protocol.Limits;
import dev.parley.server.ParleyServer;
import dev.parley.server.ServerConfig;
import java.util.ArrayList;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/// The client keeps within what the server allows and says so when asked for the impossible.
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ClientLimitsTest {

    private ParleyServer server;
    private final TestClients clients = new TestClients();

    @AfterEach
    void stop() {
        clients.close();
        server.stop();
    }

    private TestClients.Handle connect(Limits limits) throws Exception {
        server = ParleyServer.start(ServerConfig.forTests().withLimits(limits));
        return clients.connected(server.localUri(), "alice", "lobby");
    }

    @Test
    void aBurstIsPacedToTheServersRateSoNothingIsDropped() throws Exception {
        var alice = connect(Limits.DEFAULTS.withRate(10, 10));
        var cids = new ArrayList<String>();
        long start = System.nanoTime();
        for (int i = 0; i < 20; i++) {
            cids.add(alice.client().sendChat("lobby", "burst " + i));
        }
        Awaitility.await().atMost(EventLog.WAIT).until(() -> alice.log().all(ChatAcknowledged.class).size() == 20);
        long tookMillis = (System.nanoTime() - start) / 1_000_000;
        assertThat(alice.log().all(ChatAcknowledged.class)).extracting(ChatAcknowledged::cid).containsExactlyElementsOf(cids);
        assertThat(alice.log().all(Refused.class, r -> r.code() == ErrorCode.RATE_LIMITED)).isEmpty();
        assertThat(alice.log().texts("lobby")).hasSize(20).startsWith("burst 0").endsWith("burst 19");
        assertThat(tookMillis).as("20 messages, a few at once, then under 10/s").isGreaterThan(1_000);
    }

    @Test
    void historyOfARoomNotJoinedIsRefusedAtOnce() throws Exception {
        var alice = connect(Limits.DEFAULTS);
        alice.client().requestHistory("elsewhere", null, null, 10);
        var refused = alice.log().await(Refused.class, r -> true);
        assertThat(refused.code()).isEqualTo(ErrorCode.UNKNOWN_ROOM);
        assertThat(refused.message()).contains("elsewhere");
    }

    @Test
    void typingReachesTheOthersInTheRoom() throws Exception {
        var alice = connect(Limits.DEFAULTS);
        var bob = clients.connected(server.localUri(), "bob", "lobby");
        alice.client().typing("lobby");
        var typing = bob.log().await(ClientEvent.TypingNotice.class, t -> true);
        assertThat(typing.from()).isEqualTo("alice");
        assertThat(typing.room()).isEqualTo("lobby");
    }
}
