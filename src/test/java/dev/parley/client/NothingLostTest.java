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
        try (var server = ParleyServer.start(ServerConfig.forTests().withDataDir(data));
             var proxy = new TcpProxy(server.port());
             var aliceClient = new ParleyClient(config(proxy.uri(), "alice"), alice);
             var bobClient = new ParleyClient(config(server.localUri(), "bob"), bob)) {
            aliceClient.connect();
            bobClient.connect();
            var both = List.of(alice, bob);
            awaitConnected(both);
            proxy.dropDownstream(true);
            cid = aliceClient.sendChat("lobby", "exactly once");
            // Bob sees it, so it is stored; alice's acknowledgement is thrown away on the way.
            await(Duration.ofSeconds(15), () -> bob.receivedCount() == 1, both);
            Thread.sleep(200);
            assertThat(alice.acknowledged()).isEmpty();
            proxy.dropDownstream(false);
            proxy.cutAll(); // alice reconnects and resends "exactly once" with the same cid

            await(Duration.ofSeconds(15), () -> alice.acknowledged().containsKey(cid), both);
            acknowledged = alice.acknowledged().get(cid);
            bobClient.sendChat("lobby", "after");
            await(Duration.ofSeconds(15), () -> alice.receivedCount() == 2 && bob.receivedCount() == 2, both);
            assertThat(alice.connects()).isEqualTo(2);
        }
        assertThat(acknowledged.seq()).isEqualTo(1);
        assertThat(alice.received()).extracting(Chat::text).containsExactly("exactly once", "after");
        assertThat(bob.received()).extracting(Chat::text).containsExactly("exactly once", "after");
        try (var store = SqliteHistoryStore.open(data.resolve("history.db"), Limits.DEFAULTS.historyRetention())) {
            assertThat(store.page("lobby", 0L, null, 100)).extracting(Chat::text).containsExactly("exactly once", "after");
        }
    }

}
