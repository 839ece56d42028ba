package dev.parley.server.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parley.protocol.Message.Chat;
import dev.parley.server.history.HistoryStore.Stored;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(30)
class SqliteHistoryStoreTest {

    static final Instant TIME = Instant.parse("2026-11-24T10:15:30Z");

    @TempDir
    Path dir;

    static Stored store(SqliteHistoryStore store, String room, String from, String text, String cid) {
        try {
            return store.append(room, from, text, cid, TIME).get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError("append did not complete", e);
        }
    }

    static List<Long> seqs(List<Chat> chats) {
        return chats.stream().map(Chat::seq).toList();
    }

    @Test
    void appendReturnsTheStoredMessageWithItsSeqIdAndMillisecondTime() {
        try (var store = SqliteHistoryStore.open(dir.resolve("history.db"), 100)) {
            var stored = store.append("lobby", "alice", "hi", "c1", TIME.plusMillis(7)).join();

            assertThat(stored.duplicate()).isFalse();
            assertThat(stored.chat().id()).matches("lobby#1@[0-9a-z]+");
            // No cid: the server adds it to the sender's copy only.
            assertThat(stored.chat()).isEqualTo(new Chat(stored.chat().id(), "lobby", 1, "alice", "hi",
                    "2026-11-24T10:15:30.007Z", null));
            assertThat(store.page("lobby", null, null, 10)).containsExactly(stored.chat());
            assertThat(store.lastSeq("lobby")).isEqualTo(1);
            assertThat(store.lastSeq("elsewhere")).isZero();
            assertThat(store.startupNotice()).isEmpty();
        }
    }

    @Test
    void seqContinuesAfterReopenAndEachRoomCountsOnItsOwn() {
        var file = dir.resolve("history.db");
        try (var store = SqliteHistoryStore.open(file, 100)) {
            for (int i = 0; i < 3; i++) {
                store(store, "a", "alice", "a" + i, null);
            }
            store(store, "b", "bob", "b0", null);
        }
        try (var store = SqliteHistoryStore.open(file, 100)) {
            assertThat(store.lastSeq("a")).isEqualTo(3);
            assertThat(store.page("a", null, null, 1).getFirst().id())
                    .isEqualTo(store(store, "a", "alice", "a2", null).chat().id().replace("#4@", "#3@"));
            assertThat(store(store, "a", "alice", "again", null).chat().seq()).isEqualTo(5);
            assertThat(store(store, "b", "bob", "again", null).chat().seq()).isEqualTo(2);
            assertThat(store(store, "c", "carol", "new", null).chat().seq()).isEqualTo(1);
        }
    }

    @Test
    void pageHonoursAfterBeforeAndLimitAscending() {
        try (var store = SqliteHistoryStore.open(dir.resolve("history.db"), 100)) {
            for (int i = 1; i <= 10; i++) {
                store(store, "lobby", "alice", "m" + i, null);
            }
            assertThat(seqs(store.page("lobby", null, null, 3))).containsExactly(8L, 9L, 10L);
            assertThat(seqs(store.page("lobby", 4L, null, 3))).containsExactly(5L, 6L, 7L);
            assertThat(seqs(store.page("lobby", null, 4L, 10))).containsExactly(1L, 2L, 3L);
            assertThat(seqs(store.page("lobby", 2L, 6L, 10))).containsExactly(3L, 4L, 5L);
            assertThat(seqs(store.page("lobby", 0L, null, 100))).hasSize(10);
            assertThat(store.page("lobby", 10L, null, 10)).isEmpty();
            assertThat(store.page("lobby", null, null, 0)).isEmpty();
            assertThat(store.page("nowhere", null, null, 10)).isEmpty();
        }
    }

    @Test
    void closeStoresEverythingQueuedAndCompletesEveryFuture() throws Exception {
        var file = dir.resolve("history.db");
        var futures = new ArrayList<CompletableFuture<Stored>>();
        var store = SqliteHistoryStore.open(file, 10_000);
        for (int i = 0; i < 2_000; i++) {
            futures.add(store.append("lobby", "alice", "m" + i, "c" + i, TIME));
        }
        store.close();
        store.close();

        assertThat(futures).allMatch(future -> future.isDone() && !future.isCompletedExceptionally());
        assertThatThrownBy(() -> store.append("lobby", "alice", "late", null, TIME).get())
                .isInstanceOf(ExecutionException.class).hasMessageContaining("closed");
        try (var reopened = SqliteHistoryStore.open(file, 10_000)) {
            assertThat(reopened.lastSeq("lobby")).isEqualTo(2_000);
            assertThat(seqs(reopened.page("lobby", 0L, null, 5_000))).hasSize(2_000).isSorted();
        }
    }
}
