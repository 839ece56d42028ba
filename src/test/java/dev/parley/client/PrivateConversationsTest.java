package dev.parley.client;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.protocol.Limits;
import dev.parley.server.ParleyServer;
import dev.parley.server.ServerConfig;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/// The client's side of private conversations and of its line-level events, against the real
/// server with its SQLite history.
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class PrivateConversationsTest {

    @TempDir
    Path data;

    static int freePort() throws IOException {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    static ServerConfig config(Path data, int port) {
        return ServerConfig.forTests().withDataDir(data).withPort(port).withLimits(Limits.DEFAULTS.withRate(0, 0));
    }

    static void await(Duration within, java.util.concurrent.Callable<Boolean> condition) {
        Awaitility.await().atMost(within).pollInterval(Duration.ofMillis(20)).until(condition);
    }

    @Test
    void aPrivateMessageToAnOfflineOwnerArrivesWhenSheConnectsAlsoAfterARestart() throws Exception {
        int port = freePort();
        var uri = URI.create("ws://127.0.0.1:" + port + "/ws");
        var bobKey = ServerKeys.newKey();
        var alice = new LineRecorder();
        var server = ParleyServer.start(config(data, port));
        try (var aliceClient = new ParleyClient(EndToEnd.config(uri, "alice").withKey(ServerKeys.newKey()), alice)) {
            try (var bobOnce = new ParleyClient(EndToEnd.config(uri, "bob").withKey(bobKey), new LineRecorder())) {
                bobOnce.connect(); // bob claims his name, then leaves
                aliceClient.connect();
                await(Duration.ofSeconds(20), () -> alice.state() == ConnectionState.CONNECTED);
            }
            aliceClient.sendDm("bob", "first, while you are away");
            await(Duration.ofSeconds(15), () -> alice.unsent() == 0 && !alice.lines("@bob").isEmpty());
            server.stop();
            server = ParleyServer.start(config(data, port));
            aliceClient.sendDm("bob", "second, after the restart");
            await(Duration.ofSeconds(20), () -> alice.unsent() == 0 && alice.lines("@bob").size() == 2);

            var bob = new LineRecorder();
            try (var bobClient = new ParleyClient(EndToEnd.config(uri, "bob").withKey(bobKey), bob)) {
                bobClient.connect();
                await(Duration.ofSeconds(20), () -> bob.lines("@alice").size() == 2);
                Thread.sleep(200); // room for a duplicate to show
                assertThat(bob.lines("@alice")).extracting(Line::seq, Line::from, Line::text).containsExactly(
                        org.assertj.core.groups.Tuple.tuple(1L, "alice", "first, while you are away"),
                        org.assertj.core.groups.Tuple.tuple(2L, "alice", "second, after the restart"));
                assertThat(bob.appeared()).contains("@alice");
                assertThat(bob.problems()).isEmpty();
            }
            assertThat(alice.lines("@bob")).extracting(Line::seq).containsExactly(1L, 2L);
            assertThat(alice.lines("@bob")).allMatch(line -> line.own() && line.state() == Line.State.SENT);
            assertThat(alice.problems()).isEmpty();
        } finally {
            server.stop();
        }
    }

    /// The acknowledgement of a room message and of a private one is lost; the client
    /// reconnects, the merge brings the stored messages first and the resends are answered as
    /// repeats: each still makes exactly one line, which turns from pending to sent.
    @Test
    void aMessageWhoseAcknowledgementWasLostIsOneLineThatTurnsSent() throws Exception {
        var alice = new LineRecorder();
        var bob = new LineRecorder();
        try (var server = ParleyServer.start(config(data, 0));
             var proxy = new TcpProxy(server.port());
             var aliceClient = new ParleyClient(EndToEnd.config(proxy.uri(), "alice").withKey(ServerKeys.newKey()), alice);
             var bobClient = new ParleyClient(EndToEnd.config(server.localUri(), "bob").withKey(ServerKeys.newKey()), bob)) {
            aliceClient.connect();
            bobClient.connect();
            await(Duration.ofSeconds(20), () -> alice.state() == ConnectionState.CONNECTED && bob.state() == ConnectionState.CONNECTED);
            proxy.dropDownstream(true);
            aliceClient.sendChat("lobby", "to the room");
            aliceClient.sendDm("bob", "to bob");
            await(Duration.ofSeconds(15), () -> bob.lines("lobby").size() == 1 && bob.lines("@alice").size() == 1);
            assertThat(alice.unsent()).isEqualTo(2);
            proxy.dropDownstream(false);
            proxy.cutAll();
            await(Duration.ofSeconds(15), () -> alice.unsent() == 0);
            bobClient.sendChat("lobby", "after");
            await(Duration.ofSeconds(15), () -> alice.lines("lobby").size() == 2);
            Thread.sleep(300); // room for a duplicate to show
            assertThat(alice.lines("lobby")).extracting(Line::seq, Line::text, Line::state).containsExactly(
                    org.assertj.core.groups.Tuple.tuple(1L, "to the room", Line.State.SENT),
                    org.assertj.core.groups.Tuple.tuple(2L, "after", Line.State.SENT));
            assertThat(alice.lines("@bob")).extracting(Line::seq, Line::text, Line::state)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple(1L, "to bob", Line.State.SENT));
            assertThat(alice.problems()).isEmpty();
            assertThat(bob.problems()).isEmpty();
            assertThat(alice.connects()).isEqualTo(2);
        }
    }
}
