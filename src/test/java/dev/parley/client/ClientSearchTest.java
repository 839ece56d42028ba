package dev.parley.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parley.client.ClientEvent.SearchFailed;
import dev.parley.client.ClientEvent.SearchResults;
import dev.parley.protocol.Message.Chat;
import dev.parley.server.ParleyServer;
import dev.parley.server.ServerConfig;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/// [ParleyClient#search] against a real server with its history in a real SQLite file.
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ClientSearchTest {

    @TempDir
    Path data;

    private ParleyServer server;
    private final TestClients clients = new TestClients();

    @BeforeEach
    void start() throws Exception {
        server = ParleyServer.start(ServerConfig.forTests().withDataDir(data));
    }

    @AfterEach
    void stop() {
        clients.close();
        server.stop();
    }

    private TestClients.Handle connect(String name, String room) {
        return clients.connected(server.localUri(), name, room);
    }

    @Test
    void searchFindsStoredMessagesOfTheClientsRoomsOnly() {
        var alice = connect("alice", "lobby");
        var bob = connect("bob", "secret");
        for (var text : new String[] {"周五开会", "lunch at noon"}) {
            var cid = alice.client().sendChat("lobby", text);
            alice.log().await(ClientEvent.ChatAcknowledged.class, a -> a.cid().equals(cid));
        }
        var cid = bob.client().sendChat("secret", "周五见");
        bob.log().await(ClientEvent.ChatAcknowledged.class, a -> a.cid().equals(cid));

        alice.client().search("周五", null);
        alice.client().search("LUNCH", "lobby");

        var chinese = alice.log().await(SearchResults.class, r -> r.query().equals("周五"));
        assertThat(chinese.messages()).extracting(Chat::text).containsExactly("周五开会");
        assertThat(chinese.messages().getFirst().room()).isEqualTo("lobby");
        assertThat(alice.log().await(SearchResults.class, r -> r.query().equals("LUNCH")).messages())
                .extracting(Chat::from).containsExactly("alice");
    }

    @Test
    void aRoomNotJoinedIsARefusalNotChat() {
        var alice = connect("alice", "lobby");

        alice.client().search("周五", "secret");

        var failed = alice.log().await(SearchFailed.class, f -> true);
        assertThat(failed.problem()).isEqualTo(SearchFailed.Problem.REFUSED);
        assertThat(failed.detail()).contains("secret");
        assertThat(alice.log().all(ClientEvent.Refused.class)).isEmpty();
    }

    @Test
    void searchingWhileNotConnectedSaysSo() {
        var log = new EventLog();
        try (var client = new ParleyClient(ClientConfig.of(server.localUri(), "carol", "lobby", null), log)) {
            client.search("anything", null);

            assertThat(log.await(SearchFailed.class, f -> true).problem()).isEqualTo(SearchFailed.Problem.NOT_CONNECTED);
            assertThatThrownBy(() -> client.search("  ", null)).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> client.search("字".repeat(201), null)).isInstanceOf(IllegalArgumentException.class);
        }
    }
}
