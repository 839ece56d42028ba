package dev.parley.client;

import static dev.parley.client.EndToEnd.assertAllSawTheSame;
import static dev.parley.client.EndToEnd.await;
import static dev.parley.client.EndToEnd.awaitConnected;
import static dev.parley.client.EndToEnd.config;
import static dev.parley.client.EndToEnd.startSenders;
import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.protocol.Limits;
import dev.parley.protocol.Message.Chat;
import dev.parley.server.history.SqliteHistoryStore;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/// The headless server as a child process, killed with SIGKILL while clients send, then
/// started again on the same data folder: nothing acknowledged is lost, `seq` carries on, and
/// the clients reconnect and catch up by themselves.
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class ServerKillTest {

    private static final int CLIENTS = 5;
    private static final int MESSAGES = 100;
    private static final int TOTAL = CLIENTS * MESSAGES;

    @TempDir
    Path dir;

    @Test
    void everyMessageAcknowledgedBeforeASigkillIsThereAfterTheRestart() throws Exception {
        int port = freePort();
        var uri = URI.create("ws://127.0.0.1:" + port + "/ws");
        var server = startServer(port, 1);
        var clients = new ArrayList<ParleyClient>();
        var recorders = new ArrayList<ChatRecorder>();
        try {
            for (int i = 0; i < CLIENTS; i++) {
                var recorder = new ChatRecorder();
                var client = new ParleyClient(config(uri, "user" + i), recorder);
                recorders.add(recorder);
                clients.add(client);
                client.connect();
            }
            awaitConnected(recorders);
            var senders = startSenders(clients, MESSAGES);
            await(Duration.ofSeconds(20), () -> acknowledged(recorders).size() >= TOTAL / 4, recorders);

            server.destroyForcibly(); // SIGKILL: no shutdown hook, no close of the store
            assertThat(server.waitFor(10, TimeUnit.SECONDS)).isTrue();
            var beforeKill = acknowledged(recorders);
            long lastSeqBeforeKill = beforeKill.values().stream().mapToLong(Chat::seq).max().orElseThrow();
            server = startServer(port, 2);

            for (var sender : senders) {
                sender.join();
            }
            var reference = assertAllSawTheSame(recorders, MESSAGES, TOTAL);
            for (var ack : beforeKill.values()) {
                var kept = reference.get((int) ack.seq() - 1);
                assertThat(kept.text()).isEqualTo(ack.text());
                assertThat(kept.id()).isEqualTo(ack.id());
            }
            assertThat(lastSeqBeforeKill).as("some messages were stored after the restart").isLessThan(TOTAL);
            assertThat(recorders).allMatch(r -> r.connects() >= 2, "reconnected by itself");
        } finally {
            clients.forEach(ParleyClient::close);
            server.destroy();
            server.waitFor(10, TimeUnit.SECONDS);
            server.destroyForcibly();
        }
        try (var store = SqliteHistoryStore.open(dir.resolve("data").resolve("history.db"),
                Limits.DEFAULTS.historyRetention())) {
            assertThat(store.page("lobby", 0L, null, TOTAL + 10)).hasSize(TOTAL);
        }
    }

    private static HashMap<String, Chat> acknowledged(ArrayList<ChatRecorder> recorders) {
        var all = new HashMap<String, Chat>();
        recorders.forEach(r -> all.putAll(r.acknowledged()));
        return all;
    }

    /// `parley --headless` in its own JVM, output to `server-N.log` beside the data folder.
    private Process startServer(int port, int run) throws IOException, InterruptedException {
        var java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        var process = new ProcessBuilder(java, "--enable-native-access=ALL-UNNAMED", "-Xmx256m",
                // The child is on the machine's real network: it must not announce there.
                "-Dparley.discovery=off",
                "-cp", System.getProperty("java.class.path"), "dev.parley.app.Main", "--headless",
                "--bind", "127.0.0.1", "--port", Integer.toString(port), "--data", dir.resolve("data").toString(),
                "--rate", "off")
                .redirectErrorStream(true).redirectOutput(dir.resolve("server-" + run + ".log").toFile()).start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new AssertionError("the server exited: " + Files.readString(dir.resolve("server-" + run + ".log")));
            }
            try (var probe = new Socket()) {
                probe.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 200);
                return process;
            } catch (IOException notYet) {
                Thread.sleep(100);
            }
        }
        process.destroyForcibly();
        throw new AssertionError("the server did not listen on " + port + " within 30 s");
    }

    private static int freePort() throws IOException {
        try (var socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
