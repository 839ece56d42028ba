package dev.parley.ui.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.parley.client.ClientConfig;
import dev.parley.client.ClientEvent;
import dev.parley.client.ConnectionState;
import dev.parley.client.DisconnectReason;
import dev.parley.client.ParleyClient;
import dev.parley.server.ParleyServer;
import dev.parley.server.ServerConfig;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/// The session against a real server on port 0 and a real second client: its events reach every
/// listener in order, a private conversation's id sends to its member, leaving ends the attempt.
/// Events are handed over directly (no FX thread), so the lists are thread-safe ones.
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class SessionTest {

    private final ParleyServer server;
    private final Session session = new Session(Runnable::run, Background.direct());
    private final List<String> order = new CopyOnWriteArrayList<>();
    private final List<ClientEvent> seen = new CopyOnWriteArrayList<>();

    SessionTest() throws Exception {
        server = ParleyServer.start(ServerConfig.forTests());
    }

    @AfterEach
    void stop() {
        session.leave();
        server.stop();
    }

    private void connectAsAnn() {
        session.listen(event -> order.add("first " + event.getClass().getSimpleName()));
        session.listen(event -> { order.add("second " + event.getClass().getSimpleName()); seen.add(event); });
        session.connect(ClientConfig.of(server.localUri(), "ann", "lobby", null), "here", false, false);
        await().atMost(Duration.ofSeconds(20)).until(() -> session.stateProperty().get() == ConnectionState.CONNECTED);
    }

    @Test
    void everyListenerSeesEachEventInTheOrderTheyWereAdded() {
        connectAsAnn();

        assertThat(session.attemptProperty().get().label()).isEqualTo("here");
        assertThat(order).startsWith("first StateChanged", "second StateChanged");
        for (int i = 0; i + 1 < order.size(); i += 2) {
            assertThat(order.get(i)).startsWith("first ");
            assertThat(order.get(i + 1)).isEqualTo("second " + order.get(i).substring("first ".length()));
        }
    }

    @Test
    void aPrivateConversationsIdSendsToItsMember() throws Exception {
        connectAsAnn();
        var bobSaw = new CopyOnWriteArrayList<ClientEvent>();
        try (var bob = new ParleyClient(ClientConfig.of(server.localUri(), "Bob", "lobby", null), bobSaw::add)) {
            bob.connect();
            await().atMost(Duration.ofSeconds(20)).until(() -> bob.state() == ConnectionState.CONNECTED);
            session.send("@bob", "just us");

            await().atMost(Duration.ofSeconds(20)).until(() -> bobSaw.stream().anyMatch(e ->
                    e instanceof ClientEvent.LineAdded added && added.line().conversation().equals("@ann")
                            && added.line().text().equals("just us")));
            assertThat(bobSaw).noneMatch(e -> e instanceof ClientEvent.LineAdded added
                    && added.line().conversation().equals("lobby") && added.line().text().equals("just us"));
        }
    }

    @Test
    void leavingEndsTheAttemptAndSearchingOfflineAnswersAtOnce() {
        connectAsAnn();
        session.leave();

        assertThat(session.attemptProperty().get()).isNull();
        assertThat(seen.getLast()).isEqualTo(new ClientEvent.StateChanged(ConnectionState.DISCONNECTED,
                DisconnectReason.CLOSED_BY_USER, null, null));
        session.search("anything");
        assertThat(seen.getLast()).isEqualTo(new ClientEvent.SearchFailed("anything",
                ClientEvent.SearchFailed.Problem.NOT_CONNECTED, null));
    }
}
