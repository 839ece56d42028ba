package dev.parley.server.history;

import static dev.parley.server.history.SqliteHistoryStoreTest.seqs;
import static dev.parley.server.history.SqliteHistoryStoreTest.store;
import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.protocol.Message.Chat;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/// The full-text index is filled behind the messages (HistoryIndex): a search finds a stored
/// message whether or not it is indexed yet, the indexer catches up, and retention and restarts
/// leave the index matching the messages.
@Timeout(60)
class HistoryIndexTest {

    /// Never indexes: every stored message stays in the scanned tail.
    static final HistoryIndex.Policy NEVER = new HistoryIndex.Policy(4_000, Long.MAX_VALUE, Long.MAX_VALUE, 3_600_000);
    /// Indexes after every commit.
    static final HistoryIndex.Policy AT_ONCE = new HistoryIndex.Policy(4_000, 0, 0, 1);

    private static final List<String> TEXTS = List.of("Hello brave new world", "the build is green again",
            "hello again, world", "今天天气很好，我们去公园吧", "明天的天气不好", "100% done_now", "ПРИВЕТ всем",
            "Ärger im Büro", "ÉCOLE été", "quote \" and 'single'");
    private static final List<String> QUERIES = List.of("HELLO", "again", "world brave", "uil", "天气很好", "天气",
            "天气 不好", "园", "wo", "hello ne", "%", "_", "привет", "ВСЕМ", "ärger", "BÜRO", "école", "ÉTÉ",
            "\"", "'single'", "nothing-like-this", "hello NOT world");

    @TempDir
    Path dir;

    private SqliteHistoryStore open(String name, int retention, HistoryIndex.Policy policy) {
        return SqliteHistoryStore.open(dir.resolve(name), retention, SqliteHistoryStore.DEFAULT_MAX_BATCH, policy);
    }

    private static void fill(SqliteHistoryStore store, List<String> texts) {
        var rooms = List.of("lobby", "dev", "中文");
        var appends = new ArrayList<CompletableFuture<?>>();
        for (int i = 0; i < texts.size(); i++) {
            appends.add(store.append(rooms.get(i % rooms.size()), "user" + i, texts.get(i), null, SqliteHistoryStoreTest.TIME));
        }
        CompletableFuture.allOf(appends.toArray(CompletableFuture[]::new)).join();
    }

    private static void awaitIndexed(SqliteHistoryStore store) throws InterruptedException {
        for (int i = 0; i < 1_000 && store.unindexed() > 0; i++) {
            Thread.sleep(10);
        }
        assertThat(store.unindexed()).as("rows left unindexed").isZero();
    }

    private static List<String> texts(SqliteHistoryStore store, String query) {
        return store.search(query, 100).stream().map(Chat::text).toList();
    }

    /// FTS5's own check that the index holds exactly the rows of `messages`, and the count of
    /// rows above the mark.
    private long integrityCheckAndUnindexed(String name) throws SQLException {
        try (var connection = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve(name));
             var statement = connection.createStatement()) {
            statement.execute("INSERT INTO messages_fts(messages_fts, rank) VALUES ('integrity-check', 1)");
            try (var rows = statement.executeQuery("SELECT COUNT(*) FROM messages WHERE id > " + HistorySql.INDEXED_THROUGH_SQL)) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    @Test
    void aSearchFindsTheSameWhetherTheMessagesAreIndexedOrNot() throws Exception {
        try (var scanned = open("scanned.db", 1_000, NEVER); var indexed = open("indexed.db", 1_000, AT_ONCE)) {
            fill(scanned, TEXTS);
            fill(indexed, TEXTS);
            awaitIndexed(indexed);
            assertThat(scanned.unindexed()).isEqualTo(TEXTS.size());
            for (var query : QUERIES) {
                assertThat(texts(scanned, query)).as(query).isEqualTo(texts(indexed, query));
            }
            // and what the index finds is right, beyond agreeing with the scan
            assertThat(texts(indexed, "HELLO")).containsExactly("hello again, world", "Hello brave new world");
            assertThat(texts(indexed, "привет")).containsExactly("ПРИВЕТ всем");
            assertThat(texts(indexed, "BÜRO")).containsExactly("Ärger im Büro");
            assertThat(texts(indexed, "天气 不好")).containsExactly("明天的天气不好");
            assertThat(texts(indexed, "'single'")).containsExactly("quote \" and 'single'");
        }
        assertThat(integrityCheckAndUnindexed("indexed.db")).isZero();
    }

    @Test
    void aSearchJoinsTheIndexedRowsAndTheTailNewestFirstInTheRoomsAsked() throws Exception {
        try (var store = open("history.db", 1_000, AT_ONCE)) {
            fill(store, List.of("old message one", "old message two"));
            awaitIndexed(store);
        }
        try (var store = open("history.db", 1_000, NEVER)) {
            fill(store, List.of("new message three", "new message four"));
            assertThat(store.unindexed()).isEqualTo(2);
            assertThat(texts(store, "message")).containsExactly("new message four", "new message three",
                    "old message two", "old message one");
            assertThat(store.search("message", 3)).hasSize(3);
            assertThat(store.search("message", List.of("lobby"), 10)).extracting(Chat::text)
                    .containsExactly("new message three", "old message one");
            assertThat(texts(store, "message tw")).containsExactly("old message two");
        }
    }

    @Test
    void theIndexerCatchesUpWhenMessagesStopComing() throws Exception {
        try (var store = SqliteHistoryStore.open(dir.resolve("history.db"), 100_000)) {
            fill(store, IntStream.range(0, 5_000).mapToObj(i -> "message " + i).toList());
            awaitIndexed(store);
            assertThat(store.search("message 4999", 10)).extracting(Chat::text).containsExactly("message 4999");
        }
        assertThat(integrityCheckAndUnindexed("history.db")).isZero();
    }

    @Test
    void aBacklogLeftAtCloseIsIndexedAfterTheNextStart() throws Exception {
        try (var store = open("history.db", 100_000, NEVER)) {
            fill(store, IntStream.range(0, 9_000).mapToObj(i -> "message " + i).toList());
        }
        assertThat(unindexedRows()).isEqualTo(9_000);
        try (var store = open("history.db", 100_000, HistoryIndex.Policy.DEFAULT)) {
            assertThat(texts(store, "message 8999")).containsExactly("message 8999");
            awaitIndexed(store);
            assertThat(texts(store, "message 8999")).containsExactly("message 8999");
            assertThat(texts(store, "message 1")).hasSize(100);
        }
        assertThat(integrityCheckAndUnindexed("history.db")).isZero();
    }

    /// The rows above the mark (integrity-check would report them missing from the index).
    private long unindexedRows() throws SQLException {
        try (var connection = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("history.db"));
             var statement = connection.createStatement();
             var rows = statement.executeQuery("SELECT COUNT(*) FROM messages WHERE id > " + HistorySql.INDEXED_THROUGH_SQL)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    @Test
    void retentionDeletesIndexedAndUnindexedRowsAndTheIndexStillMatches() throws Exception {
        try (var store = open("history.db", 1_000, AT_ONCE)) {
            for (int i = 1; i <= 20; i++) {
                store(store, "busy", "alice", "msg " + i, null);
            }
            awaitIndexed(store);
        }
        try (var store = open("history.db", 5, NEVER)) {
            for (int i = 21; i <= 40; i++) {
                store(store, "busy", "alice", "msg " + i, null);
            }
            store.prune().join();
            // seqs 1–20 were indexed, 21–40 not; 1–35 are deleted
            assertThat(seqs(store.search("msg", 100))).containsExactly(40L, 39L, 38L, 37L, 36L);
        }
        assertThat(unindexedRows()).isEqualTo(5);
        try (var store = open("history.db", 5, HistoryIndex.Policy.DEFAULT)) {
            awaitIndexed(store);
            assertThat(seqs(store.search("msg 3", 100))).containsExactly(39L, 38L, 37L, 36L);
            assertThat(seqs(store.page("busy", 0L, null, 100)))
                    .containsExactlyElementsOf(LongStream.rangeClosed(36, 40).boxed().toList());
        }
        assertThat(integrityCheckAndUnindexed("history.db")).isZero();
    }

    @Test
    void aVersionOneFileKeepsItsIndexAndLosesItsTriggers() throws Exception {
        var file = dir.resolve("history.db");
        try (var connection = DriverManager.getConnection("jdbc:sqlite:" + file);
             var statement = connection.createStatement()) {
            // version 1's schema, as it was
            statement.execute("""
                    CREATE TABLE messages (id INTEGER PRIMARY KEY, room TEXT NOT NULL, seq INTEGER NOT NULL,
                        sender TEXT NOT NULL, text TEXT NOT NULL, time_ms INTEGER NOT NULL, cid TEXT, UNIQUE (room, seq))""");
            statement.execute("CREATE VIRTUAL TABLE messages_fts USING fts5(text, content='messages', content_rowid='id', tokenize='trigram')");
            statement.execute("CREATE TRIGGER messages_fts_insert AFTER INSERT ON messages BEGIN "
                    + "INSERT INTO messages_fts(rowid, text) VALUES (new.id, new.text); END");
            statement.execute("CREATE TRIGGER messages_fts_delete AFTER DELETE ON messages BEGIN "
                    + "INSERT INTO messages_fts(messages_fts, rowid, text) VALUES ('delete', old.id, old.text); END");
            statement.execute("CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)");
            statement.execute("INSERT INTO meta VALUES ('epoch', 'old')");
            statement.execute("PRAGMA user_version = 1");
            statement.execute("INSERT INTO messages(room, seq, sender, text, time_ms) VALUES "
                    + "('lobby', 1, 'alice', 'from version one', 0), ('lobby', 2, 'bob', 'also from version one', 0)");
        }
        try (var store = open("history.db", 1_000, NEVER)) {
            assertThat(store.unindexed()).isZero();
            store(store, "lobby", "carol", "from version two", null);
            assertThat(texts(store, "version")).containsExactly("from version two", "also from version one",
                    "from version one");
            assertThat(store.search("version", 1).getFirst().id()).endsWith("@old");
        }
        try (var connection = DriverManager.getConnection("jdbc:sqlite:" + file);
             var statement = connection.createStatement();
             var rows = statement.executeQuery("SELECT COUNT(*) FROM sqlite_master WHERE type = 'trigger'")) {
            rows.next();
            assertThat(rows.getInt(1)).isZero();
        }
        assertThat(unindexedRows()).isEqualTo(1);
    }

    /// quick_check reads FTS5's index too: a damaged index is a damaged file, moved aside
    /// like any other, and the fresh file indexes and searches as usual.
    @Test
    void aDamagedIndexIsHandledLikeAnyDamagedFile() throws Exception {
        try (var store = open("history.db", 1_000, AT_ONCE)) {
            fill(store, List.of("before the damage"));
            awaitIndexed(store);
        }
        try (var connection = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("history.db"));
             var statement = connection.createStatement()) {
            // 10: FTS5's structure record, which every read and change of the index starts from
            assertThat(statement.executeUpdate("UPDATE messages_fts_data SET block = x'ffffffffff' WHERE id = 10")).isEqualTo(1);
        }
        try (var store = open("history.db", 1_000, AT_ONCE)) {
            assertThat(store.startupNotice()).hasValueSatisfying(notice ->
                    assertThat(notice).contains("damaged").contains("messages_fts"));
            assertThat(store(store, "lobby", "alice", "after the damage", null).chat().seq()).isEqualTo(1);
            awaitIndexed(store);
            assertThat(texts(store, "damage")).containsExactly("after the damage");
        }
        assertThat(integrityCheckAndUnindexed("history.db")).isZero();
    }

    /// While messages keep coming, one indexing transaction takes what fits in a few
    /// milliseconds (the writer, and every message that arrives meanwhile, waits for it), not a
    /// whole chunk; once the index is `maxLag` behind it takes whole chunks again to keep up.
    @Test
    void indexingTakesShortSlicesUnlessFarBehind() throws Exception {
        var slices = new ArrayList<Integer>();
        withUnindexedRows("slices.db", 5_000, new HistoryIndex.Policy(4_000, 0, 1_000_000, 1), index -> {
            assertThat(index.unindexed()).isEqualTo(5_000);
            for (int rows; (rows = index.indexChunk()) > 0; ) {
                slices.add(rows);
            }
            assertThat(index.unindexed()).isZero();
        });
        // The first slice is sized from a guess (50,000 rows/s), the next ones from the rate measured.
        assertThat(slices.getFirst()).isEqualTo(200);
        assertThat(slices).hasSizeGreaterThan(1).allSatisfy(rows -> assertThat(rows).isBetween(1, 4_000));
        assertThat(slices.stream().mapToInt(Integer::intValue).sum()).isEqualTo(5_000);
        assertThat(integrityCheckAndUnindexed("slices.db")).isZero();

        withUnindexedRows("behind.db", 5_000, new HistoryIndex.Policy(4_000, 0, 1_000, 1), index ->
                assertThat(index.indexChunk()).as("a whole chunk when maxLag behind").isEqualTo(4_000));
    }

    private interface IndexCheck {
        void run(HistoryIndex index) throws SQLException;
    }

    /// Stores `count` messages without indexing them, then hands `check` an index over that file.
    private void withUnindexedRows(String name, int count, HistoryIndex.Policy policy, IndexCheck check) throws SQLException {
        try (var store = open(name, 100_000, NEVER)) {
            fill(store, IntStream.range(0, count).mapToObj(i -> "message number " + i).toList());
        }
        var database = HistoryDatabase.openOrRecover(dir.resolve(name));
        try {
            database.writeConnection().setAutoCommit(false);
            var index = new HistoryIndex(database.writeConnection(), policy);
            check.run(index);
            index.close();
        } finally {
            database.close();
        }
    }
}
