package dev.parley.server.history;

import static dev.parley.server.history.SqliteHistoryStoreTest.TIME;
import static dev.parley.server.history.SqliteHistoryStoreTest.store;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/// A resend of `(from, cid)` gets the original back and stores nothing, wherever the original is.
@Timeout(30)
class HistoryDedupTest {

    @TempDir
    Path dir;

    @Test
    void resendOfAStoredMessageReturnsTheOriginalAfterARestart() {
        var file = dir.resolve("history.db");
        try (var store = SqliteHistoryStore.open(file, 100)) {
            store(store, "lobby", "alice", "first", "c1");
        }
        try (var store = SqliteHistoryStore.open(file, 100)) {
            var resent = store(store, "lobby", "alice", "first", "c1");

            assertThat(resent.duplicate()).isTrue();
            assertThat(resent.chat().seq()).isEqualTo(1);
            assertThat(resent.chat().cid()).isEqualTo("c1");
            assertThat(store.page("lobby", 0L, null, 10)).hasSize(1);
            assertThat(store(store, "lobby", "alice", "next", "c2").chat().seq()).isEqualTo(2);
        }
    }

    @Test
    void resendWhileTheOriginalIsStillQueuedStoresItOnce() {
        try (var store = SqliteHistoryStore.open(dir.resolve("history.db"), 100)) {
            var original = store.append("lobby", "alice", "once", "c1", TIME);
            var resent = store.append("lobby", "alice", "once", "c1", TIME);

            assertThat(resent.join().duplicate()).isTrue();
            assertThat(resent.join().chat()).isEqualTo(original.join().chat());
            assertThat(original.join().duplicate()).isFalse();
            assertThat(store.page("lobby", 0L, null, 10)).hasSize(1);
            assertThat(store.lastSeq("lobby")).isEqualTo(1);
        }
    }

    @Test
    void theSameCidFromAnotherSenderOrWithoutCidIsANewMessage() {
        try (var store = SqliteHistoryStore.open(dir.resolve("history.db"), 100)) {
            store(store, "lobby", "alice", "a", "c1");
            var bob = store(store, "lobby", "bob", "b", "c1");
            var plain1 = store(store, "lobby", "bob", "same", null);
            var plain2 = store(store, "lobby", "bob", "same", null);

            assertThat(bob.duplicate()).isFalse();
            assertThat(plain1.duplicate()).isFalse();
            assertThat(plain2.duplicate()).isFalse();
            assertThat(store.page("lobby", 0L, null, 10)).extracting("seq").containsExactly(1L, 2L, 3L, 4L);
        }
    }
}
