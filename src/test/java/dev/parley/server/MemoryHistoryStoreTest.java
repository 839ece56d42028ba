package dev.parley.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.protocol.Message.Chat;
import dev.parley.server.history.Deadline;
import dev.parley.server.history.HistoryStore;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

@org.junit.jupiter.api.Timeout(30)
class MemoryHistoryStoreTest {

    private final MemoryHistoryStore store = new MemoryHistoryStore(5);

    private HistoryStore.Stored append(String room, String from, String text, String cid) {
        return store.append(room, from, text, cid, Instant.parse("2026-01-01T00:00:00Z")).join();
    }

    private static List<Long> seqs(List<Chat> chats) {
        return chats.stream().map(Chat::seq).toList();
    }

    @Test
    void eachRoomNumbersItsMessagesFromOne() {
        assertThat(append("a", "x", "1", null).chat().seq()).isEqualTo(1);
        assertThat(append("a", "x", "2", null).chat().seq()).isEqualTo(2);
        assertThat(append("b", "x", "1", null).chat().seq()).isEqualTo(1);
        assertThat(store.lastSeq("a")).isEqualTo(2);
        assertThat(store.lastSeq("none")).isZero();
        var chat = store.page("a", null, null, 10).getFirst();
        assertThat(chat.room()).isEqualTo("a");
        assertThat(chat.from()).isEqualTo("x");
        assertThat(chat.time()).isEqualTo("2026-01-01T00:00:00Z");
        assertThat(chat.id()).isNotBlank();
    }

    @Test
    void aResendIsTheSameCidAndTextWhateverTheSendersNameBecame() {
        var first = append("a", "alice", "hi", "c1");
        var again = append("a", "alice", "hi", "c1");
        var renamed = append("a", "alice-2", "hi", "c1");
        var otherText = append("a", "bob", "something else", "c1");
        assertThat(first.duplicate()).isFalse();
        assertThat(again.duplicate()).isTrue();
        assertThat(again.chat()).isEqualTo(first.chat());
        assertThat(renamed.duplicate()).as("a client renamed on a fast reconnect").isTrue();
        assertThat(renamed.chat()).isEqualTo(first.chat());
        assertThat(otherText.duplicate()).isFalse();
        assertThat(store.lastSeq("a")).isEqualTo(2);
    }

    @Test
    void onlyTheLastRetentionMessagesAreKept() {
        for (int i = 1; i <= 8; i++) {
            append("a", "x", "m" + i, null);
        }
        assertThat(seqs(store.page("a", null, null, 100))).containsExactly(4L, 5L, 6L, 7L, 8L);
        assertThat(seqs(store.page("a", 0L, null, 100))).containsExactly(4L, 5L, 6L, 7L, 8L);
    }

    @Test
    void pagesGoForwardAfterAndBackBefore() {
        for (int i = 1; i <= 5; i++) {
            append("a", "x", "m" + i, null);
        }
        assertThat(seqs(store.page("a", 1L, null, 2))).containsExactly(2L, 3L);
        assertThat(seqs(store.page("a", null, 5L, 2))).containsExactly(3L, 4L);
        assertThat(seqs(store.page("a", 1L, 4L, 10))).containsExactly(2L, 3L);
        assertThat(seqs(store.page("a", null, null, 3))).containsExactly(3L, 4L, 5L);
        assertThat(store.page("a", 5L, null, 10)).isEmpty();
        assertThat(store.page("nowhere", null, null, 10)).isEmpty();
    }

    @Test
    void searchFindsTextNewestFirst() {
        append("a", "x", "Hello there", null);
        store.append("b", "y", "say hello", null, Instant.parse("2026-01-02T00:00:00Z")).join();
        append("a", "x", "nothing", null);
        assertThat(store.search("HELLO", 10)).extracting(Chat::text).containsExactly("say hello", "Hello there");
        assertThat(store.search("hello", 1)).hasSize(1);
    }

    @Test
    void searchInRoomsSeesOnlyThoseRoomsAndNeedsEveryTerm() {
        append("a", "x", "明天 meeting in Room 1", null);
        append("b", "y", "明天见", null);
        append("c", "z", "明天 secret", null);
        assertThat(store.search("明天", List.of("a", "b"), 10)).extracting(Chat::room).containsExactlyInAnyOrder("a", "b");
        assertThat(store.search("明天 ROOM", List.of("a", "b", "c"), 10)).extracting(Chat::room).containsExactly("a");
        assertThat(store.search("明天", List.of("nowhere"), 10)).isEmpty();
        assertThat(store.search("明天", List.of("a", "b", "c"), 2)).hasSize(2);
    }

    @Test
    void aReadOrSearchPastItsDeadlineIsOverBudget() {
        for (int i = 0; i < 5; i++) {
            append("a", "x", "word " + i, null);
        }
        var passed = Deadline.after(java.time.Duration.ZERO);

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> store.page("a", null, null, 5, passed))
                .isInstanceOf(HistoryStore.OverBudget.class);
        var big = new MemoryHistoryStore(1_000);
        for (int i = 0; i < 1_000; i++) {
            big.append("a", "x", "word " + i, null, Instant.now());
        }
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> big.search("word", List.of("a"), 10, passed))
                .isInstanceOf(HistoryStore.OverBudget.class);
        assertThat(big.search("word", List.of("a"), 10, Deadline.after(java.time.Duration.ofMinutes(1)))).hasSize(10);
    }

    @Test
    void theTotalCapRemovesTheOldestFirstAndForgetsRoomsLeftEmptyAndUnoccupied() {
        var capped = new MemoryHistoryStore(100, 50);
        capped.occupied("kept");
        capped.append("kept", "x", "k", null, Instant.now()).join();
        capped.append("old", "x", "o", null, Instant.now()).join();
        for (int i = 1; i <= 60; i++) {
            capped.append("new", "x", "n" + i, null, Instant.now()).join();
        }

        assertThat(capped.storedMessages()).isEqualTo(50);
        assertThat(seqs(capped.page("new", null, null, 100))).hasSize(50).startsWith(11L).endsWith(60L);
        assertThat(capped.page("kept", null, null, 100)).isEmpty();
        assertThat(capped.lastSeq("old")).isZero();
        assertThat(capped.lastSeq("kept")).isEqualTo(1);  // members are there: the numbering goes on
        assertThat(capped.rememberedRooms()).isEqualTo(2);

        capped.vacated("kept");

        assertThat(capped.rememberedRooms()).isEqualTo(1);
        assertThat(capped.append("kept", "x", "again", null, Instant.now()).join().chat().seq()).isEqualTo(1);
    }

    @Test
    void resendsAreRecognisedOnlyWhileTheirMessageIsKept() {
        var small = new MemoryHistoryStore(3);
        var first = small.append("a", "x", "hi", "c1", Instant.now()).join();
        for (int i = 0; i < 3; i++) {
            small.append("a", "x", "m" + i, null, Instant.now()).join();
        }

        var again = small.append("a", "x", "hi", "c1", Instant.now()).join();

        assertThat(again.duplicate()).isFalse();
        assertThat(again.chat().seq()).isEqualTo(first.chat().seq() + 4);
        assertThat(seqs(small.page("a", null, null, 10))).containsExactly(3L, 4L, 5L);
    }

    @Test
    void memoryGrowsWithWhatIsStoredNotWithTheRetention() {
        var runtime = Runtime.getRuntime();
        long before = usedAfterGc(runtime);
        var store = new MemoryHistoryStore(10_000);
        for (int i = 0; i < 2_000; i++) {
            store.append("room-" + i, "x", "one message", null, Instant.now()).join();
        }
        long grown = usedAfterGc(runtime) - before;

        // A ring of `retention` slots made each room cost the retention, however little it held.
        assertThat(grown).isLessThan(20L * 1024 * 1024);
        assertThat(store.storedMessages()).isEqualTo(2_000);
    }

    private static long usedAfterGc(Runtime runtime) {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return runtime.totalMemory() - runtime.freeMemory();
    }
}
