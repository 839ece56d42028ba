package dev.parley.server.history;

import static dev.parley.server.history.SqliteHistoryStoreTest.seqs;
import static dev.parley.server.history.SqliteHistoryStoreTest.store;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(30)
class HistoryRetentionTest {

    @TempDir
    Path dir;

    @Test
    void retentionKeepsTheLastMessagesOfEachRoomAndSeqsAreNeverGivenAgain() {
        var file = dir.resolve("history.db");
        try (var store = SqliteHistoryStore.open(file, 5)) {
            for (int i = 0; i < 20; i++) {
                store(store, "busy", "alice", "m" + i, "c" + i);
            }
            for (int i = 0; i < 3; i++) {
                store(store, "quiet", "bob", "q" + i, null);
            }
            store.prune().join();

            assertThat(seqs(store.page("busy", 0L, null, 100))).containsExactly(16L, 17L, 18L, 19L, 20L);
            assertThat(seqs(store.page("quiet", 0L, null, 100))).containsExactly(1L, 2L, 3L);
            assertThat(store.search("m1", 100)).extracting("seq").containsExactly(20L, 19L, 18L, 17L, 16L);
        }
        try (var store = SqliteHistoryStore.open(file, 5)) {
            assertThat(store(store, "busy", "alice", "after", null).chat().seq()).isEqualTo(21);
        }
    }

    @Test
    void retentionRunsByItselfWhileMessagesArrive() {
        var file = dir.resolve("history.db");
        try (var store = SqliteHistoryStore.open(file, 10)) {
            for (int i = 1; i <= 200; i++) {
                store(store, "lobby", "alice", "m" + i, null);
            }
            // pruning runs every `retention` stored rows, so at most twice that many remain
            assertThat(store.page("lobby", 0L, null, 1_000).size()).isBetween(10, 20);
        }
        try (var store = SqliteHistoryStore.open(file, 10)) {
            assertThat(seqs(store.page("lobby", 0L, null, 1_000)))
                    .containsExactlyElementsOf(LongStream.rangeClosed(191, 200).boxed().toList());
        }
    }

    @Test
    void aLowerRetentionAppliesWhenTheFileIsOpenedAgain() {
        var file = dir.resolve("history.db");
        try (var store = SqliteHistoryStore.open(file, 1_000)) {
            for (int i = 0; i < 50; i++) {
                store(store, "lobby", "alice", "m" + i, null);
            }
        }
        try (var store = SqliteHistoryStore.open(file, 3)) {
            store.prune().join();
            assertThat(seqs(store.page("lobby", 0L, null, 100))).containsExactly(48L, 49L, 50L);
            assertThat(store.lastSeq("lobby")).isEqualTo(50);
        }
    }

    @Test
    void theTotalCapRemovesTheOldestOfAllRoomsAndForgetsRoomsLeftEmptyAndUnoccupied() {
        try (var store = SqliteHistoryStore.open(dir.resolve("history.db"), 1_000, 40L)) {
            store.occupied("kept");
            store(store, "kept", "alice", "kept one", null);
            for (int i = 0; i < 5; i++) {
                store(store, "old", "bob", "old word " + i, null);
            }
            for (int i = 0; i < 60; i++) {
                store(store, "new", "carol", "new word " + i, null);
            }
            store.prune().join();

            assertThat(store.page("old", 0L, null, 100)).isEmpty();
            assertThat(store.page("kept", 0L, null, 100)).isEmpty();
            assertThat(seqs(store.page("new", 0L, null, 100))).hasSize(40).startsWith(21L).endsWith(60L);
            assertThat(store.search("word", 100)).hasSize(40).allMatch(chat -> chat.room().equals("new"));
            // "old" had nobody in it: forgotten. "kept" has members: its numbering goes on until they leave.
            assertThat(store.rememberedRooms()).isEqualTo(2);
            assertThat(store.lastSeq("old")).isZero();
            assertThat(store(store, "kept", "alice", "kept two", null).chat().seq()).isEqualTo(2);
            assertThat(store(store, "old", "bob", "old again", null).chat().seq()).isEqualTo(1);
        }
    }

    @Test
    void aRoomEmptiedWhileOccupiedIsForgottenWhenItsMembersLeave() {
        try (var store = SqliteHistoryStore.open(dir.resolve("history.db"), 1_000, 10L)) {
            store.occupied("room");
            store(store, "room", "alice", "first", null);
            for (int i = 0; i < 20; i++) {
                store(store, "busy", "bob", "b" + i, null);
            }
            store.prune().join();
            assertThat(store.rememberedRooms()).isEqualTo(2);

            store.vacated("room");

            assertThat(store.rememberedRooms()).isEqualTo(1);
        }
    }
}
