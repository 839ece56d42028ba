package dev.parley.server.history;

import dev.parley.protocol.Message.Chat;
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

/// The schema of `history.db` and the mapping between its rows and [Chat] records.
final class HistorySql {

    /// Every query that returns messages selects these columns, in this order.
    static final String COLUMNS = "room, seq, sender, text, time_ms, cid";

    static final String INSERT = "INSERT INTO messages(" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?)";

    // `id` is the rowid that the FTS5 index points at (external content, so the text is stored
    // once). The (sender, cid) index is not UNIQUE on purpose: dedup is decided by the store
    // before a seq is given, and a constraint failure would abort a whole group-commit batch.
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
            "CREATE INDEX IF NOT EXISTS messages_sender_cid ON messages(sender, cid) WHERE cid IS NOT NULL",
            // trigram: CJK has no spaces between words, so word tokenizers cannot find 天气 in 今天天气很好.
            """
            CREATE VIRTUAL TABLE IF NOT EXISTS messages_fts
                USING fts5(text, content='messages', content_rowid='id', tokenize='trigram')""",
            """
            CREATE TRIGGER IF NOT EXISTS messages_fts_insert AFTER INSERT ON messages BEGIN
                INSERT INTO messages_fts(rowid, text) VALUES (new.id, new.text);
            END""",
            """
            CREATE TRIGGER IF NOT EXISTS messages_fts_delete AFTER DELETE ON messages BEGIN
                INSERT INTO messages_fts(messages_fts, rowid, text) VALUES ('delete', old.id, old.text);
            END""",
            "PRAGMA user_version = 1");

    private static final DateTimeFormatter TIME = new DateTimeFormatterBuilder().appendInstant(3).toFormatter();

    private HistorySql() {}

    static void createSchema(Connection connection) throws SQLException {
        try (var statement = connection.createStatement()) {
            for (var sql : SCHEMA) {
                statement.execute(sql);
            }
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

    static List<Chat> chats(ResultSet rows) throws SQLException {
        var result = new ArrayList<Chat>();
        while (rows.next()) {
            result.add(chat(rows.getString(1), rows.getLong(2), rows.getString(3), rows.getString(4),
                    rows.getLong(5), rows.getString(6)));
        }
        return result;
    }

    /// `room#seq`: unique in this store, since `#` cannot appear in a room name.
    static Chat chat(String room, long seq, String from, String text, long timeMs, String cid) {
        return new Chat(room + "#" + seq, room, seq, from, text, time(timeMs), cid);
    }

    /// ISO-8601 with exactly three fraction digits, e.g. `2026-11-24T16:33:23.000Z`.
    static String time(long epochMillis) {
        return TIME.format(Instant.ofEpochMilli(epochMillis));
    }
}
