package dev.parley.server.history;

import static dev.parley.server.history.SqliteHistoryStoreTest.TIME;
import static dev.parley.server.history.SqliteHistoryStoreTest.seqs;
import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.server.history.HistoryStore.Stored;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/// The writer thread: batches, completion order, many appending threads.
@Timeout(60)
class HistoryGroupCommitTest {

    private static final List<String> ROOMS = List.of("lobby", "dev", "random", "中文");

    @TempDir
    Path dir;

    @Test
    void groupCommitStoresEveryMessageInFewerTransactionsThanMessages() {
        try (var store = SqliteHistoryStore.open(dir.resolve("history.db"), 100_000)) {
            var futures = new ArrayList<CompletableFuture<Stored>>();
            for (int i = 0; i < 5_000; i++) {
                futures.add(store.append(ROOMS.get(i % 3), "alice", "message " + i, null, TIME));
            }
            CompletableFuture.allOf(futures.toArray(CompletableFuture[]::new)).join();

            for (var room : ROOMS.subList(0, 3)) {
                long count = futures.stream().filter(f -> f.join().chat().room().equals(room)).count();
                assertThat(seqs(store.page(room, 0L, null, 10_000)))
                        .containsExactlyElementsOf(LongStream.rangeClosed(1, count).boxed().toList());
            }
            assertThat(store.transactions()).isBetween(1L, 2_500L);
        }
    }

    @Test
    void futuresOfOneRoomCompleteInSeqOrder() {
        var completed = new ConcurrentHashMap<String, List<Long>>();
        try (var store = SqliteHistoryStore.open(dir.resolve("history.db"), 100_000)) {
            var futures = new ArrayList<CompletableFuture<?>>();
            for (int i = 0; i < 3_000; i++) {
                var room = ROOMS.get(ThreadLocalRandom.current().nextInt(ROOMS.size()));
                futures.add(store.append(room, "bob", "m" + i, "c" + i, TIME).thenAccept(stored ->
                        completed.computeIfAbsent(room, r -> Collections.synchronizedList(new ArrayList<>()))
                                .add(stored.chat().seq())));
            }
            CompletableFuture.allOf(futures.toArray(CompletableFuture[]::new)).join();
        }
        completed.forEach((room, order) -> assertThat(order).as(room)
                .containsExactlyElementsOf(LongStream.rangeClosed(1, order.size()).boxed().toList()));
    }

    @Test
    void concurrentAppendsToSeveralRoomsLeaveNoGapsAndNoDuplicates() throws Exception {
        int threads = 8;
        int each = 400;
        var file = dir.resolve("history.db");
        var acknowledged = new ConcurrentHashMap<String, Stored>();
        try (var store = SqliteHistoryStore.open(file, 100_000);
             var pool = Executors.newFixedThreadPool(threads)) {
            var work = new ArrayList<Future<?>>();
            for (int t = 0; t < threads; t++) {
                var sender = "user" + t;
                work.add(pool.submit(() -> {
                    var random = ThreadLocalRandom.current();
                    var mine = new ArrayList<CompletableFuture<Stored>>();
                    for (int i = 0; i < each; i++) {
                        var cid = "c" + i;
                        var room = ROOMS.get(random.nextInt(ROOMS.size()));
                        mine.add(store.append(room, sender, sender + " says " + i, cid, TIME));
                        if (random.nextInt(10) == 0) {
                            // a resend racing its original: must not create a second row
                            mine.add(store.append(room, sender, sender + " says " + i, cid, TIME));
                        }
                    }
                    mine.forEach(f -> acknowledged.put(f.join().chat().text(), f.join()));
                }));
            }
            for (var future : work) {
                future.get();
            }
        }
        try (var store = SqliteHistoryStore.open(file, 100_000)) {
            var stored = new HashMap<String, Long>();
            for (var room : ROOMS) {
                var page = store.page(room, 0L, null, 100_000);
                assertThat(seqs(page)).as(room)
                        .containsExactlyElementsOf(LongStream.rangeClosed(1, page.size()).boxed().toList());
                page.forEach(chat -> assertThat(stored.put(chat.text(), chat.seq())).isNull());
            }
            assertThat(stored).hasSize(threads * each);
            for (Map.Entry<String, Stored> ack : acknowledged.entrySet()) {
                assertThat(stored.get(ack.getKey())).isEqualTo(ack.getValue().chat().seq());
            }
        }
    }
}
