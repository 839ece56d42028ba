package dev.parley.server.history;

import java.sql.Connection;
import java.sql.SQLException;

/// The `file` column of `messages` (v2): the JSON of the file a message shares, null for text.
/// Added to a file made by an earlier version, whose rows keep null.
final class HistoryFileColumn {

    private HistoryFileColumn() {}

    /// Adds the column when it is missing; inside the caller's schema transaction.
    static void add(Connection connection) throws SQLException {
        try (var statement = connection.createStatement()) {
            boolean present;
            try (var columns = statement.executeQuery("SELECT 1 FROM pragma_table_info('messages') WHERE name = 'file'")) {
                present = columns.next();
            }
            if (!present) {
                statement.execute("ALTER TABLE messages ADD COLUMN file TEXT");
            }
        }
    }
}
