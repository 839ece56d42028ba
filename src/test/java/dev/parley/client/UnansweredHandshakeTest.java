package dev.parley.client;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.client.ClientEvent.StateChanged;
import dev.parley.server.ParleyServer;
import dev.parley.server.ServerConfig;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/// A handshake the server accepts and never answers (a server stopping at that moment, or one
/// wedged) is given up by the client: its socket closed, not left open for the server's side to
/// hold, and the connection tried again after the backoff, until a real server answers.
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class UnansweredHandshakeTest {

    /// Well past the client's own limit, well short of Jetty's default idle time (30 s) that
    /// closed such a socket before.
    private static final int CLOSED_WITHIN_MS = 15_000;

    @Test
    void anUnansweredHandshakeIsClosedAndTriedAgainUntilAServerAnswers() throws Exception {
        var accepted = new LinkedBlockingQueue<Socket>();
        int port;
        try (var silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
             var clients = new TestClients()) {
            port = silent.getLocalPort();
            Thread.ofVirtual().start(() -> {
                try {
                    while (true) {
                        accepted.add(silent.accept());
                    }
                } catch (IOException closed) {
                    // The test is done with the silent server.
                }
            });
            var config = new ClientConfig(URI.create("ws://127.0.0.1:" + port + "/ws"), "alice", "lobby", null,
                    Duration.ofMillis(100), Duration.ofMillis(300), null);
            var alice = clients.connect(config);

            var first = accepted.poll(10, TimeUnit.SECONDS);
            assertThat(first).as("the first attempt reached the server").isNotNull();
            long asked = System.nanoTime();
            assertThat(readsToTheEnd(first)).as("the client closed the unanswered attempt").isTrue();
            long closedMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - asked);
            alice.log().await(StateChanged.class, s -> s.state() == ConnectionState.RECONNECTING, Duration.ofSeconds(10));
            var second = accepted.poll(10, TimeUnit.SECONDS);
            assertThat(second).as("tried again after %d ms", closedMillis).isNotNull();
            first.close();
            second.close();

            silent.close();
            try (var server = ParleyServer.start(ServerConfig.forTests().withBindAddress("127.0.0.1").withPort(port))) {
                alice.log().await(StateChanged.class, s -> s.state() == ConnectionState.CONNECTED, Duration.ofSeconds(30));
                org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10))
                        .until(() -> server.members("lobby").stream().anyMatch(m -> m.clientId().equals("alice")));
                for (Socket more; (more = accepted.poll()) != null; ) {
                    more.close();
                }
            }
        }
    }

    @Test
    void anOpenConnectionOutlastsTheHandshakesSilenceLimit() throws Exception {
        try (var server = ParleyServer.start(ServerConfig.forTests()); var clients = new TestClients()) {
            // Pings far apart: nothing crosses the connection for longer than a handshake may wait.
            var config = new ClientConfig(server.localUri(), "bob", "lobby", null, null, null, Duration.ofMinutes(5));
            var bob = clients.connected(config);
            org.awaitility.Awaitility.await().during(Duration.ofMillis(SharedContainer.HANDSHAKE_SILENCE_MILLIS * 2))
                    .atMost(Duration.ofSeconds(40))
                    .until(() -> bob.log().lastState().state() == ConnectionState.CONNECTED);
        }
    }

    /// Reads what the client sent until it closes the socket: true when it did within the bound.
    private static boolean readsToTheEnd(Socket socket) throws IOException {
        socket.setSoTimeout(CLOSED_WITHIN_MS);
        var in = socket.getInputStream();
        var buffer = new byte[1024];
        try {
            while (in.read(buffer) >= 0) {
                // The handshake request, never answered.
            }
            return true;
        } catch (java.net.SocketTimeoutException stillOpen) {
            return false;
        } catch (java.net.SocketException reset) {
            return true;
        }
    }
}
