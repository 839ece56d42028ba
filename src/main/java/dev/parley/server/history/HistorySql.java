package dev.parley.server.history;

import dev.parley.protocol.Codec;
import dev.parley.protocol.Message.Chat;
import dev.parley.protocol.Message.FileInfo;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/// The schema of `history.db` and the mapping between its rows and [Chat] records.
final class HistorySql {

    /// Every query that returns messages selects these columns, in this order. Not the cid: it
    /// is the sender's own (design.md: only on the copy returned to its sender, which the
    /// server makes), kept here only to recognise resends.
    static final String COLUMNS = "room, seq, sender, text, time_ms, file";

    /// The `meta` key of the highest message id in the full-text index: every row up to it is
    /// indexed, none above it (see [HistoryIndex]).
    static final String INDEXED_THROUGH = "fts_indexed_through";

    /// That mark inside a query; read in the query's own snapshot, so a search sees the index
    /// and the mark as one commit left them.
    static final String INDEXED_THROUGH_SQL =
            "CAST((SELECT value FROM meta WHERE key = '" + INDEXED_THROUGH + "') AS INTEGER)";

    static final String INSERT = "INSERT INTO messages(room, seq, sender, text, time_ms, cid, file) VALUES (?, ?, ?, ?, ?, ?, ?)";

    // `id` is the rowid that the FTS5 index points at (external content, so the text is stored
    // once). The cid index is not UNIQUE on purpose: dedup is decided by the store before a seq
    // is given, and a constraint failure would abort a whole group-commit batch.
    private static final List<String> SCHEMA = List.of("""
            CREATE TABLE IF NOT EXISTS messages (
                id      INTEGER PRIMARY KEY,
                room    TEXT    NOT NULL,
                seq     INTEGER NOT NULL,
                sender  TEXT    NOT NULL,
                text    TEXT    NOT NULL,
                time_ms INTEGER NOT NULL,
                cid     TEXT,
                UNIQUE (room, seq))""",
            "CREATE INDEX IF NOT EXISTS messages_cid ON messages(cid) WHERE cid IS NOT NULL",
            // trigram: CJK has no spaces between words, so word tokenizers cannot find 天气 in 今天天气很好.
            """
            CREATE VIRTUAL TABLE IF NOT EXISTS messages_fts
                USING fts5(text, content='messages', content_rowid='id', tokenize='trigram')""",
            "CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)",
            // Version 1 kept the index up to date with triggers, one FTS5 insert per row; the
            // writer now indexes in chunks behind the messages (HistoryIndex). Everything a
            // version 1 file holds is indexed, so its mark is its highest id; a new file's is 0.
            "DROP TRIGGER IF EXISTS messages_fts_insert",
            "DROP TRIGGER IF EXISTS messages_fts_delete",
            "INSERT OR IGNORE INTO meta(key, value) SELECT '" + INDEXED_THROUGH + "', COALESCE(MAX(id), 0) FROM messages",
            "PRAGMA user_version = 2");

    private static final DateTimeFormatter TIME = new DateTimeFormatterBuilder().appendInstant(3).toFormatter();

    private HistorySql() {}

    /// Creates what is missing, or brings a version 1 file up to date, in one transaction.
    static void createSchema(Connection connection) throws SQLException {
        try (var statement = connection.createStatement()) {
            statement.execute("BEGIN IMMEDIATE");
            try {
                for (var sql : SCHEMA) {
                    statement.execute(sql);
                }
                HistoryFileColumn.add(connection);
                statement.execute("COMMIT");
            } catch (SQLException e) {
                try {
                    statement.execute("ROLLBACK");
                } catch (SQLException rollback) {
                    e.addSuppressed(rollback);
                }
                throw e;
            }
        }
    }

    /// A random name for this database file, made when the file is created. It goes into every
    /// message id, so that a client can tell a history started afresh (after a damaged file was
    /// moved aside) from the one it knew, although both number from 1.
    static String epoch(Connection connection) throws SQLException {
        try (var insert = connection.prepareStatement("INSERT OR IGNORE INTO meta(key, value) VALUES ('epoch', ?)")) {
            insert.setString(1, Long.toString(ThreadLocalRandom.current().nextLong() >>> 1, 36));
            insert.executeUpdate();
        }
        try (var statement = connection.createStatement();
             var rows = statement.executeQuery("SELECT value FROM meta WHERE key = 'epoch'")) {
            rows.next();
            return rows.getString(1);
        }
    }

    /// The highest seq of every room, so numbering continues after a restart.
    static Map<String, Long> lastSeqs(Connection connection) throws SQLException {
        var result = new HashMap<String, Long>();
        try (var statement = connection.createStatement();
             var rows = statement.executeQuery("SELECT room, MAX(seq) FROM messages GROUP BY room")) {
            while (rows.next()) {
                result.put(rows.getString(1), rows.getLong(2));
            }
        }
        return result;
    }

    static List<Chat> chats(String epoch, ResultSet rows) throws SQLException {
        var result = new ArrayList<Chat>();
        while (rows.next()) {
            result.add(chat(epoch, rows.getString(1), rows.getLong(2), rows.getString(3), rows.getString(4),
                    rows.getLong(5), Codec.decodeFile(rows.getString(6))));
        }
        return result;
    }

    /// Id `room#seq@epoch`: unique in this file (`#` cannot appear in a room name) and unlike
    /// any id of another file.
    static Chat chat(String epoch, String room, long seq, String from, String text, long timeMs, FileInfo file) {
        return new Chat(room + "#" + seq + "@" + epoch, room, seq, from, text, time(timeMs), null, file);
    }

    /// ISO-8601 with exactly three fraction digits, e.g. `2026-11-24T16:33:23.000Z`.
    static String time(long epochMillis) {
        return TIME.format(Instant.ofEpochMilli(epochMillis));
    }
}
