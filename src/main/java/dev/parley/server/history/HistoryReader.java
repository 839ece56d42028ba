package dev.parley.server.history;

import dev.parley.protocol.Message.Chat;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.sqlite.Function;
import org.sqlite.ProgressHandler;

/// Queries on one read connection (WAL: reads never wait for the writer). Synchronized,
/// since a JDBC connection serves one thread at a time. A query given a [Deadline] is stopped
/// by SQLite's progress handler once it passes, and ends in [HistoryStore.OverBudget].
final class HistoryReader implements AutoCloseable {

    /// SQLite virtual-machine steps between two looks at the deadline: often enough to stop
    /// within a millisecond or so, rarely enough to cost nothing measurable.
    private static final int STEPS_PER_CHECK = 1_000;

    /// Trigram FTS5 needs three characters to match anything; shorter terms use LIKE.
    private static final int TRIGRAM = 3;

    /// `parley_contains(text, term)`: whether `text`, folded, contains `term`, already folded.
    private static final String CONTAINS = "parley_contains";

    private final Connection connection;
    private final String epoch;
    private PreparedStatement original;  // prepared once: append looks up every cid it is given
    private volatile Deadline deadline = Deadline.NONE;

    HistoryReader(Connection connection, String epoch) throws SQLException {
        this.connection = connection;
        this.epoch = epoch;
        Function.create(connection, CONTAINS, new Contains(), 2, Function.FLAG_DETERMINISTIC);
        ProgressHandler.setHandler(connection, STEPS_PER_CHECK, new ProgressHandler() {
            @Override
            protected int progress() {
                return deadline.passed() ? 1 : 0;  // non-zero: SQLite interrupts the statement
            }
        });
    }

    private interface Query<T> {
        T run() throws SQLException;
    }

    /// Runs `query` under `limit`; a query interrupted because the deadline passed is [HistoryStore.OverBudget].
    private <T> T within(Deadline limit, Query<T> query) throws SQLException {
        limit.check();
        deadline = limit;
        try {
            return query.run();
        } catch (SQLException e) {
            if (limit.passed()) {
                throw new HistoryStore.OverBudget();
            }
            throw e;
        } finally {
            deadline = Deadline.NONE;
        }
    }

    synchronized List<Chat> page(String room, Long after, Long before, int limit, Deadline until) throws SQLException {
        return within(until, () -> page(room, after, before, limit));
    }

    private List<Chat> page(String room, Long after, Long before, int limit) throws SQLException {
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

    /// The sha256 of every file a stored message shares (v2).
    synchronized Set<String> referencedFiles() throws SQLException {
        try (var statement = connection.createStatement();
             var rows = statement.executeQuery(
                     "SELECT DISTINCT json_extract(file, '$.sha256') FROM messages WHERE file IS NOT NULL")) {
            var result = new HashSet<String>();
            while (rows.next()) {
                result.add(rows.getString(1));
            }
            return result;
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
    /// Latin letters), newest first. Terms of three or more characters use the trigram index
    /// for the rows it holds, and a scan of the rows stored since (see [HistoryIndex]), matched
    /// the way the index would match them. `rooms` (null: all) restricts the search to those rooms.
    synchronized List<Chat> search(String query, List<String> rooms, int limit, Deadline until) throws SQLException {
        return within(until, () -> search(query, rooms, limit));
    }

    private List<Chat> search(String query, List<String> rooms, int limit) throws SQLException {
        var terms = Arrays.stream(query == null ? new String[0] : query.strip().split("\\s+"))
                .filter(term -> !term.isEmpty()).toList();
        if (terms.isEmpty() || limit <= 0 || (rooms != null && rooms.isEmpty())) {
            return List.of();
        }
        var conditions = new ArrayList<String>();
        var parameters = new ArrayList<String>();
        var inRooms = rooms == null ? null : "room IN (" + String.join(",", Collections.nCopies(rooms.size(), "?")) + ")";
        var longTerms = terms.stream().filter(HistoryReader::indexed).toList();
        if (!longTerms.isEmpty()) {
            // The index up to its mark, the scan above it (rooms first: the cheaper test); one
            // rowid list, so that SQLite walks it newest first and stops at `limit`.
            var scan = new ArrayList<String>();
            scan.add("id > " + HistorySql.INDEXED_THROUGH_SQL);
            var scanParameters = new ArrayList<String>();
            if (rooms != null) {
                scan.add("+" + inRooms);  // `+`: walk the rowids above the mark, not the room index
                scanParameters.addAll(rooms);
            }
            for (var term : longTerms) {
                scan.add(CONTAINS + "(text, ?)");
                scanParameters.add(fold(term));
            }
            conditions.add("id IN (SELECT rowid FROM messages_fts WHERE messages_fts MATCH ? AND rowid <= "
                    + HistorySql.INDEXED_THROUGH_SQL + " UNION ALL SELECT id FROM messages WHERE "
                    + String.join(" AND ", scan) + ")");
            parameters.add(String.join(" ", longTerms.stream().map(HistoryReader::phrase).toList()));
            parameters.addAll(scanParameters);
        }
        for (var term : terms.stream().filter(term -> !indexed(term)).toList()) {
            conditions.add("text LIKE ? ESCAPE '\\'");
            parameters.add(like(term));
        }
        if (rooms != null) {
            conditions.add(inRooms);
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

    private static String like(String term) {
        return "%" + term.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    }

    /// Case folding as the trigram tokenizer does it (`case_sensitive=0`, diacritics kept):
    /// each character to lower case.
    static String fold(String text) {
        var folded = new StringBuilder(text.length());
        text.codePoints().forEach(c -> folded.appendCodePoint(Character.toLowerCase(c)));
        return folded.toString();
    }

    private static boolean indexed(String term) {
        return term.codePointCount(0, term.length()) >= TRIGRAM;
    }

    /// An FTS5 string literal: the term is matched as text, never parsed as query syntax.
    private static String phrase(String term) {
        return "\"" + term.replace("\"", "\"\"") + "\"";
    }

    private static final class Contains extends Function {
        @Override
        protected void xFunc() throws SQLException {
            var text = value_text(0);
            var term = value_text(1);
            result(text != null && term != null && fold(text).contains(term) ? 1 : 0);
        }
    }

    @Override
    public synchronized void close() {
        HistoryFiles.closeQuietly(original);
        HistoryFiles.closeQuietly(connection);
    }
}
