package dev.parley.client;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.protocol.Limits;
import dev.parley.protocol.Message.Chat;
import dev.parley.server.ParleyServer;
import dev.parley.server.history.SqliteHistoryStore;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.LongStream;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/// Issue 29's test: 20 clients with keys send 200 messages each, half to the room and half
/// privately to random others, while connections are cut at random, members are away for a
/// while (their proxy refuses them) and the server restarts on its SQLite file. At the end
/// every conversation is the same at both ends, numbered without gap or duplicate, from the
/// line-level events alone; and the file holds exactly what was acknowledged.
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class EveryConversationExactlyOnceTest {

    private static final int CLIENTS = 20;
    private static final int MESSAGES = 200;

    @TempDir
    Path data;

    @Test
    void everyRoomAndPrivateMessageOnceInOrderAtBothEndsAcrossCutsAbsencesAndARestart() throws Exception {
        int port = PrivateConversationsTest.freePort();
        var config = PrivateConversationsTest.config(data, port);
        var server = new ParleyServer[] {ParleyServer.start(config)};
        var proxies = new ArrayList<TcpProxy>();
        var clients = new ArrayList<ParleyClient>();
        var recorders = new ArrayList<LineRecorder>();
        var cuts = new AtomicInteger();
        var absences = new AtomicInteger();
        try {
            for (int i = 0; i < CLIENTS; i++) {
                var proxy = new TcpProxy(port);
                var recorder = new LineRecorder();
                var client = new ParleyClient(EndToEnd.config(proxy.uri(), "user" + i).withKey(ServerKeys.newKey()), recorder);
                proxies.add(proxy);
                recorders.add(recorder);
                clients.add(client);
                client.connect();
            }
            await(Duration.ofSeconds(30), () -> recorders.stream().allMatch(r -> r.state() == ConnectionState.CONNECTED), recorders);

            var chaosOn = new AtomicBoolean(true);
            var chaos = Thread.ofPlatform().name("chaos").start(() -> {
                var random = ThreadLocalRandom.current();
                while (chaosOn.get()) {
                    EndToEnd.sleep(random.nextInt(40, 120));
                    var proxy = proxies.get(random.nextInt(CLIENTS));
                    if (random.nextInt(4) == 0) {
                        // Away for a while: what is sent to this member meanwhile waits on the server.
                        proxy.refuseNew(true);
                        proxy.cutAll();
                        absences.incrementAndGet();
                        Thread.ofVirtual().start(() -> {
                            EndToEnd.sleep(random.nextInt(300, 900));
                            proxy.refuseNew(false);
                        });
                    } else {
                        proxy.cutAll();
                        cuts.incrementAndGet();
                    }
                }
            });
            var senders = startSenders(clients);
            EndToEnd.sleep(1_500);
            server[0].stop(); // a restart in the middle: everything stored carries on
            server[0] = ParleyServer.start(config);
            for (var sender : senders) {
                sender.join();
            }
            chaosOn.set(false);
            chaos.join();
            proxies.forEach(proxy -> proxy.refuseNew(false));

            int roomMessages = CLIENTS * MESSAGES / 2;
            await(Duration.ofSeconds(60), () -> recorders.stream().allMatch(r -> r.unsent() == 0
                    && r.lines("lobby").size() >= roomMessages && conversationsMatch(recorders)), recorders);
            Thread.sleep(300); // room for a late duplicate to show up

            for (int i = 0; i < CLIENTS; i++) {
                var recorder = recorders.get(i);
                assertThat(recorder.problems()).as("user%d's events", i).isEmpty();
                assertThat(recorder.unsent()).isZero();
                recorder.all().forEach((id, lines) -> assertThat(lines).extracting(Line::seq).as("%s at user%d", id, 0)
                        .containsExactlyInAnyOrderElementsOf(LongStream.rangeClosed(1, lines.size()).boxed().toList()));
                assertThat(key(recorder.lines("lobby"))).isEqualTo(key(recorders.getFirst().lines("lobby")));
            }
            assertThat(conversationsMatch(recorders)).isTrue();
            assertThat(recorders.stream().mapToInt(LineRecorder::connects).sum()).isGreaterThan(2 * CLIENTS);
        } finally {
            clients.forEach(ParleyClient::close);
            server[0].stop();
            for (var proxy : proxies) {
                proxy.close();
            }
        }
        var acknowledged = new HashSet<String>();
        recorders.forEach(r -> r.all().values().forEach(lines -> lines.stream().filter(Line::own)
                .forEach(line -> acknowledged.add(line.text()))));
        assertThat(acknowledged).hasSize(CLIENTS * MESSAGES);
        var stored = new ArrayList<String>();
        try (var store = SqliteHistoryStore.open(data.resolve("history.db"), Limits.DEFAULTS.historyRetention())) {
            for (var room : store.lastSeqs().keySet()) {
                store.page(room, 0L, null, Limits.MAX_HISTORY_PAGE * 20).stream().map(Chat::text).forEach(stored::add);
            }
        }
        assertThat(stored).hasSize(CLIENTS * MESSAGES);
        assertThat(new HashSet<>(stored)).isEqualTo(acknowledged);
        System.out.println("connections cut: " + cuts.get() + ", absences: " + absences.get());
    }

    /// Half of each client's messages go to the lobby, half privately to a random other member.
    private static List<Thread> startSenders(List<ParleyClient> clients) {
        var senders = new ArrayList<Thread>();
        for (int i = 0; i < clients.size(); i++) {
            var client = clients.get(i);
            int self = i;
            senders.add(Thread.ofVirtual().start(() -> {
                var random = ThreadLocalRandom.current();
                for (int m = 0; m < MESSAGES; m++) {
                    if (m % 2 == 0) {
                        client.sendChat("lobby", "user" + self + " #" + m);
                    } else {
                        int other = (self + 1 + random.nextInt(CLIENTS - 1)) % CLIENTS;
                        client.sendDm("user" + other, "user" + self + " #" + m + " to user" + other);
                    }
                    EndToEnd.sleep(random.nextInt(5, 25));
                }
            }));
        }
        return senders;
    }

    /// Every private conversation shows the same lines (seq, sender, text) at both ends.
    private static boolean conversationsMatch(List<LineRecorder> recorders) {
        for (int i = 0; i < recorders.size(); i++) {
            for (var entry : recorders.get(i).all().entrySet()) {
                if (!Line.isPrivate(entry.getKey())) {
                    continue;
                }
                int other = Integer.parseInt(entry.getKey().substring("@user".length()));
                var theirs = recorders.get(other).lines("@user" + i);
                if (!key(entry.getValue()).equals(key(theirs))) {
                    return false;
                }
            }
        }
        return true;
    }

    private static Map<Long, String> key(List<Line> lines) {
        var byseq = new java.util.TreeMap<Long, String>();
        lines.forEach(line -> byseq.put(line.seq(), line.from() + ": " + line.text()));
        return byseq;
    }

    private static void await(Duration within, java.util.concurrent.Callable<Boolean> condition, List<LineRecorder> recorders) {
        try {
            Awaitility.await().atMost(within).pollInterval(Duration.ofMillis(100)).until(condition);
        } catch (ConditionTimeoutException e) {
            throw new AssertionError("clients (state/unsent/pending/lobby/problems/failures): " + recorders.stream()
                    .map(r -> r.state() + "/" + r.unsent() + "/" + r.pending() + "/" + r.lines("lobby").size() + "/"
                            + r.problems().size() + "/" + r.failures().stream().limit(2).toList())
                    .toList(), e);
        }
    }
}
