package dev.parley.server.history;

import static dev.parley.server.history.SqliteHistoryStoreTest.store;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/// Whatever is in the data folder, the store opens, says what it did, and keeps working.
@Timeout(30)
class HistoryCorruptionTest {

    @TempDir
    Path dir;

    private Path file() {
        return dir.resolve("history.db");
    }

    private Path movedAside() throws IOException {
        try (var files = Files.list(dir)) {
            return files.filter(p -> p.getFileName().toString().matches("history\\.db\\.corrupt-\\d{8}T\\d{9}Z"))
                    .findFirst().orElseThrow(() -> new AssertionError("nothing moved aside in " + dir));
        }
    }

    private static void assertWorks(SqliteHistoryStore store) {
        assertThat(store(store, "lobby", "alice", "still here", "c1").chat().seq()).isEqualTo(1);
        assertThat(store.page("lobby", null, null, 10)).hasSize(1);
        assertThat(store.search("still", 10)).hasSize(1);
    }

    @Test
    void aFileOfRandomBytesIsMovedAsideAndAFreshHistoryStarted() throws IOException {
        var junk = new byte[64 * 1024];
        new Random(42).nextBytes(junk);
        Files.write(file(), junk);

        try (var store = SqliteHistoryStore.open(file(), 100)) {
            var aside = movedAside();
            assertThat(store.startupNotice()).hasValueSatisfying(notice ->
                    assertThat(notice).contains("damaged").contains(aside.getFileName().toString()));
            assertThat(Files.readAllBytes(aside)).isEqualTo(junk);
            assertThat(store.file()).isEqualTo(file());
            assertWorks(store);
        }
    }

    @Test
    void aTruncatedRealDatabaseIsMovedAside() throws IOException {
        try (var store = SqliteHistoryStore.open(file(), 100_000)) {
            for (int i = 0; i < 3_000; i++) {
                store.append("lobby", "alice", "message number " + i + " ".repeat(100), null, SqliteHistoryStoreTest.TIME);
            }
        }
        long size = Files.size(file());
        try (var channel = FileChannel.open(file(), StandardOpenOption.WRITE)) {
            channel.truncate(size / 2);
        }

        try (var store = SqliteHistoryStore.open(file(), 100)) {
            var aside = movedAside();
            assertThat(store.startupNotice()).hasValueSatisfying(notice -> assertThat(notice).contains("damaged"));
            assertThat(Files.size(aside)).isEqualTo(size / 2);
            assertWorks(store);
        }
    }

    @Test
    void movingAsideTakesTheWalAndShmAlong() throws IOException {
        for (var suffix : new String[] {"", "-wal", "-shm"}) {
            Files.writeString(dir.resolve("history.db" + suffix), "old" + suffix);
        }
        var aside = HistoryFiles.moveAside(file());

        assertThat(aside).hasContent("old");
        assertThat(aside.resolveSibling(aside.getFileName() + "-wal")).hasContent("old-wal");
        assertThat(aside.resolveSibling(aside.getFileName() + "-shm")).hasContent("old-shm");
        assertThat(file()).doesNotExist();
        assertThat(dir.resolve("history.db-wal")).doesNotExist();
    }

    @Test
    void aMissingFolderAndFileAreCreatedWithoutANotice() {
        var nested = dir.resolve("a").resolve("b").resolve("history.db");
        try (var store = SqliteHistoryStore.open(nested, 100)) {
            assertThat(store.startupNotice()).isEmpty();
            assertThat(nested).exists();
            assertWorks(store);
        }
    }

    @Test
    void aPathThatCannotBeOpenedIsLeftAloneAndATemporaryFileUsed() throws IOException {
        Files.createDirectory(file());
        Files.writeString(file().resolve("keep.txt"), "not ours");

        try (var store = SqliteHistoryStore.open(file(), 100)) {
            assertThat(store.startupNotice()).hasValueSatisfying(notice ->
                    assertThat(notice).contains("cannot open").contains(store.file().toString()));
            assertThat(store.file()).isNotEqualTo(file());
            assertThat(file().resolve("keep.txt")).hasContent("not ours");
            assertWorks(store);
        }
    }

    @Test
    void whatAProcessCrashLeavesBehindOpensWithEveryCommittedMessage() throws IOException {
        var copy = dir.resolve("copy");
        Files.createDirectory(copy);
        try (var store = SqliteHistoryStore.open(file(), 100_000)) {
            for (int i = 0; i < 500; i++) {
                store.append("lobby", "alice", "m" + i, "c" + i, SqliteHistoryStoreTest.TIME);
            }
            store(store, "lobby", "alice", "last", "last");
            // The open files, database and WAL, as a SIGKILL would leave them.
            Files.copy(file(), copy.resolve("history.db"));
            Files.copy(dir.resolve("history.db-wal"), copy.resolve("history.db-wal"));
        }
        try (var store = SqliteHistoryStore.open(copy.resolve("history.db"), 100_000)) {
            assertThat(store.startupNotice()).isEmpty();
            assertThat(store.lastSeq("lobby")).isEqualTo(501);
            assertThat(store.page("lobby", 0L, null, 1_000)).hasSize(501);
        }
    }
}
