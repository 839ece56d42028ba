package dev.parley.client;

import static dev.parley.client.EndToEnd.assertAllSawTheSame;
import static dev.parley.client.EndToEnd.await;
import static dev.parley.client.EndToEnd.awaitConnected;
import static dev.parley.client.EndToEnd.config;
import static dev.parley.client.EndToEnd.sleep;
import static dev.parley.client.EndToEnd.startSenders;
import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.protocol.Limits;
import dev.parley.protocol.Message.Chat;
import dev.parley.server.ParleyServer;
import dev.parley.server.ServerConfig;
import dev.parley.server.history.SqliteHistoryStore;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/// design.md "nothing lost", end to end: the real server with its SQLite history, real
/// clients, and connections cut at random under them (each client talks through its own
/// [TcpProxy], so the client notices a dead link and reconnects by itself).
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class NothingLostTest {

    private static final int CLIENTS = 20;
    private static final int MESSAGES = 200;
    private static final int TOTAL = CLIENTS * MESSAGES;

    @TempDir
    Path data;

    @Test
    void twentyClientsCutAtRandomEndWithTheSameGapFreeHistory() throws Exception {
        var config = ServerConfig.forTests().withDataDir(data).withLimits(Limits.DEFAULTS.withRate(0, 0));
        var proxies = new ArrayList<TcpProxy>();
        var clients = new ArrayList<ParleyClient>();
        var recorders = new ArrayList<ChatRecorder>();
        var cuts = new AtomicInteger();
        try (var server = ParleyServer.start(config)) {
            for (int i = 0; i < CLIENTS; i++) {
                var proxy = new TcpProxy(server.port());
                var recorder = new ChatRecorder();
                var client = new ParleyClient(config(proxy.uri(), "user" + i), recorder);
                proxies.add(proxy);
                recorders.add(recorder);
                clients.add(client);
                client.connect();
            }
            awaitConnected(recorders);

            var chaosOn = new AtomicBoolean(true);
            var chaos = Thread.ofPlatform().name("chaos").start(() -> {
                var random = ThreadLocalRandom.current();
                while (chaosOn.get()) {
                    sleep(random.nextInt(40, 120));
                    proxies.get(random.nextInt(CLIENTS)).cutAll();
                    cuts.incrementAndGet();
                }
            });
            var senders = startSenders(clients, MESSAGES);
            for (var sender : senders) {
                sender.join();
            }
            // Cuts stop with the senders: what follows shows every client recovering by itself.
            chaosOn.set(false);
            chaos.join();
            assertAllSawTheSame(recorders, MESSAGES, TOTAL);
            assertThat(recorders.stream().mapToInt(ChatRecorder::connects).sum()).isGreaterThan(CLIENTS + 5);
        } finally {
            clients.forEach(ParleyClient::close);
            for (var proxy : proxies) {
                proxy.close();
            }
        }
        try (var store = SqliteHistoryStore.open(data.resolve("history.db"), Limits.DEFAULTS.historyRetention())) {
            var stored = store.page("lobby", 0L, null, TOTAL + 10);
            assertThat(stored).hasSize(TOTAL);
            assertThat(new HashSet<>(stored.stream().map(Chat::text).toList())).hasSize(TOTAL);
        }
        System.out.println("connections cut: " + cuts.get());
    }

    @Test
    void aMessageWhoseAcknowledgementWasLostIsStoredOnceInTheFile() throws Exception {
        String cid;
        Chat acknowledged;
        var alice = new ChatRecorder();
        var bob = new ChatRecorder();
        try (var chat = AliceBehindProxy.start(data, alice, bob)) {
            cid = chat.sendWithoutAcknowledgement("exactly once");
            chat.proxy().cutAll(); // alice reconnects and resends "exactly once" with the same cid

            acknowledged = chat.awaitAcknowledgedThenBobSays(cid, "after");
            assertThat(alice.connects()).isEqualTo(2);
        }
        assertThat(acknowledged.seq()).isEqualTo(1);
        assertExactlyOnce(alice, bob, "exactly once", "after");
    }

    /// A loaded server notices a lost connection late, so a client without a key that reconnects
    /// at once is renamed `alice-2` (its old connection still holds `alice`). The server knows a
    /// resend by the name the client asked for: the client must go on asking for `alice`, or its
    /// next resend comes from "someone else" and is stored a second time.
    @Test
    void aResendAfterAReconnectThatRenamedTheClientIsStoredOnce() throws Exception {
        var alice = new ChatRecorder();
        var bob = new ChatRecorder();
        try (var chat = AliceBehindProxy.start(data, alice, bob)) {
            chat.proxy().abandonOpenConnections();
            await(Duration.ofSeconds(15), () -> alice.connects() == 2 && alice.state() == ConnectionState.CONNECTED,
                    List.of(alice, bob));
            assertThat(chat.alice().clientId()).isEqualTo("alice-2");

            var cid = chat.sendWithoutAcknowledgement("exactly once");
            chat.proxy().cutAll(); // alice reconnects and resends "exactly once" with the same cid

            chat.awaitAcknowledgedThenBobSays(cid, "after");
            assertThat(alice.connects()).isEqualTo(3);
        }
        assertExactlyOnce(alice, bob, "exactly once", "after");
    }

    private void assertExactlyOnce(ChatRecorder alice, ChatRecorder bob, String... texts) {
        assertThat(alice.received()).extracting(Chat::text).containsExactly(texts);
        assertThat(bob.received()).extracting(Chat::text).containsExactly(texts);
        try (var store = SqliteHistoryStore.open(data.resolve("history.db"), Limits.DEFAULTS.historyRetention())) {
            assertThat(store.page("lobby", 0L, null, 100)).extracting(Chat::text).containsExactly(texts);
        }
    }

    /// A server with its history in `data`; alice talks to it through a [TcpProxy], bob directly.
    private record AliceBehindProxy(ParleyServer server, TcpProxy proxy, ParleyClient alice, ParleyClient bob,
                                    List<ChatRecorder> recorders) implements AutoCloseable {

        static AliceBehindProxy start(Path data, ChatRecorder aliceLog, ChatRecorder bobLog) throws Exception {
            var server = ParleyServer.start(ServerConfig.forTests().withDataDir(data));
            var proxy = new TcpProxy(server.port());
            var chat = new AliceBehindProxy(server, proxy, new ParleyClient(config(proxy.uri(), "alice"), aliceLog),
                    new ParleyClient(config(server.localUri(), "bob"), bobLog), List.of(aliceLog, bobLog));
            chat.alice.connect();
            chat.bob.connect();
            awaitConnected(chat.recorders);
            return chat;
        }

        /// Alice sends `text`; bob sees it, so it is stored, but her acknowledgement is thrown away.
        String sendWithoutAcknowledgement(String text) throws InterruptedException {
            var bobHad = recorders.getLast().receivedCount();
            proxy.dropDownstream(true);
            var cid = alice.sendChat("lobby", text);
            await(Duration.ofSeconds(15), () -> recorders.getLast().receivedCount() == bobHad + 1, recorders);
            Thread.sleep(200);
            assertThat(recorders.getFirst().acknowledged()).doesNotContainKey(cid);
            proxy.dropDownstream(false);
            return cid;
        }

        /// Waits for alice's (resent) `cid` to be acknowledged, then bob says `text` and both get it.
        Chat awaitAcknowledgedThenBobSays(String cid, String text) {
            var aliceLog = recorders.getFirst();
            await(Duration.ofSeconds(15), () -> aliceLog.acknowledged().containsKey(cid), recorders);
            int before = aliceLog.receivedCount();
            bob.sendChat("lobby", text);
            await(Duration.ofSeconds(15), () -> recorders.stream().allMatch(r -> r.received().stream()
                    .anyMatch(c -> c.text().equals(text))), recorders);
            assertThat(aliceLog.receivedCount()).isGreaterThan(before);
            return aliceLog.acknowledged().get(cid);
        }

        @Override
        public void close() throws Exception {
            try (server; proxy; alice; bob) {
                // closes the clients first, then the proxy, then the server
            }
        }
    }
}
