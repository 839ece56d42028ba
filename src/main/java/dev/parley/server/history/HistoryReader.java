package dev.parley.server.history;

import dev.parley.protocol.Message.Chat;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/// Queries on one read connection (WAL: reads never wait for the writer). Synchronized,
/// since a JDBC connection serves one thread at a time.
final class HistoryReader implements AutoCloseable {

    /// Trigram FTS5 needs three characters to match anything; shorter terms use LIKE.
    private static final int TRIGRAM = 3;

    private final Connection connection;
    private final String epoch;
    private PreparedStatement original;  // prepared once: append looks up every cid it is given

    HistoryReader(Connection connection, String epoch) {
        this.connection = connection;
        this.epoch = epoch;
    }

    synchronized List<Chat> page(String room, Long after, Long before, int limit) throws SQLException {
        if (limit <= 0) {
            return List.of();
        }
        // Without `after` the newest rows are wanted: read them descending, then turn them round.
        var newest = after == null;
        var sql = "SELECT " + HistorySql.COLUMNS + " FROM messages WHERE room = ? AND seq > ? AND seq < ? ORDER BY seq "
                + (newest ? "DESC" : "ASC") + " LIMIT ?";
        try (var query = connection.prepareStatement(sql)) {
            query.setString(1, room);
            query.setLong(2, after == null ? Long.MIN_VALUE : after);
            query.setLong(3, before == null ? Long.MAX_VALUE : before);
            query.setInt(4, limit);
            try (var rows = query.executeQuery()) {
                var chats = HistorySql.chats(epoch, rows);
                if (newest) {
                    Collections.reverse(chats);
                }
                return chats;
            }
        }
    }

    /// The stored message that a resend of `text` with `cid` to `room` repeats, or null.
    synchronized Chat original(String room, String cid, String text) throws SQLException {
        if (original == null) {
            original = connection.prepareStatement("SELECT " + HistorySql.COLUMNS
                    + " FROM messages WHERE cid = ? AND room = ? AND text = ? ORDER BY id LIMIT 1");
        }
        original.setString(1, cid);
        original.setString(2, room);
        original.setString(3, text);
        try (var rows = original.executeQuery()) {
            var chats = HistorySql.chats(epoch, rows);
            return chats.isEmpty() ? null : chats.getFirst();
        }
    }

    /// Messages containing every whitespace-separated term of `query` (case-insensitive for
    /// Latin letters), newest first. Terms of three or more characters use the trigram index.
    /// `rooms` (null: all) restricts the search to those rooms.
    synchronized List<Chat> search(String query, List<String> rooms, int limit) throws SQLException {
        var terms = Arrays.stream(query == null ? new String[0] : query.strip().split("\\s+"))
                .filter(term -> !term.isEmpty()).toList();
        if (terms.isEmpty() || limit <= 0 || (rooms != null && rooms.isEmpty())) {
            return List.of();
        }
        var conditions = new ArrayList<String>();
        var parameters = new ArrayList<String>();
        var phrases = terms.stream().filter(HistoryReader::indexed).map(HistoryReader::phrase).toList();
        if (!phrases.isEmpty()) {
            conditions.add("id IN (SELECT rowid FROM messages_fts WHERE messages_fts MATCH ?)");
            parameters.add(String.join(" ", phrases));
        }
        for (var term : terms.stream().filter(term -> !indexed(term)).toList()) {
            conditions.add("text LIKE ? ESCAPE '\\'");
            parameters.add("%" + term.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
        }
        if (rooms != null) {
            conditions.add("room IN (" + String.join(",", Collections.nCopies(rooms.size(), "?")) + ")");
            parameters.addAll(rooms);
        }
        var sql = "SELECT " + HistorySql.COLUMNS + " FROM messages WHERE " + String.join(" AND ", conditions)
                + " ORDER BY id DESC LIMIT ?";
        try (var statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.size(); i++) {
                statement.setString(i + 1, parameters.get(i));
            }
            statement.setInt(parameters.size() + 1, limit);
            try (var rows = statement.executeQuery()) {
                return HistorySql.chats(epoch, rows);
            }
        }
    }

    private static boolean indexed(String term) {
        return term.codePointCount(0, term.length()) >= TRIGRAM;
    }

    /// An FTS5 string literal: the term is matched as text, never parsed as query syntax.
    private static String phrase(String term) {
        return "\"" + term.replace("\"", "\"\"") + "\"";
    }

    @Override
    public synchronized void close() {
        HistoryFiles.closeQuietly(original);
        HistoryFiles.closeQuietly(connection);
    }
}
