package dev.parley.server.history;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.function.Function;

/// Name claims in `history.db`, table `names`, beside the messages: one row per claimed name
/// (lower case), with its spelling, the salt, the salted hash of the key and when it was last
/// used. The table is made on open, so a file of an earlier version gains it. Its own
/// connection: claims are read and written when a member connects or leaves, never on the
/// writer's thread.
public final class SqliteClaimRecords implements AutoCloseable {

    /// One stored claim, as the server's `NameClaims` sees it.
    public record Row(String name, byte[] salt, byte[] hash, long lastUsedMs) {}

    private final Connection connection;

    private SqliteClaimRecords(Connection connection) {
        this.connection = connection;
    }

    public static SqliteClaimRecords open(Path file) {
        try {
            var connection = HistoryFiles.connect(file);
            try (var statement = connection.createStatement()) {
                statement.execute("""
                        CREATE TABLE IF NOT EXISTS names (
                            name_key     TEXT PRIMARY KEY,
                            name         TEXT NOT NULL,
                            salt         BLOB NOT NULL,
                            hash         BLOB NOT NULL,
                            last_used_ms INTEGER NOT NULL)""");
            } catch (SQLException e) {
                HistoryFiles.closeQuietly(connection);
                throw e;
            }
            return new SqliteClaimRecords(connection);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot open the name claims in " + file, e);
        }
    }

    public synchronized Row get(String nameKey) {
        return query("SELECT name, salt, hash, last_used_ms FROM names WHERE name_key = ?", nameKey, rows -> {
            try {
                return rows.next() ? new Row(rows.getString(1), rows.getBytes(2), rows.getBytes(3), rows.getLong(4)) : null;
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    public synchronized void put(String nameKey, Row row) {
        try (var upsert = connection.prepareStatement(
                "INSERT OR REPLACE INTO names(name_key, name, salt, hash, last_used_ms) VALUES (?, ?, ?, ?, ?)")) {
            upsert.setString(1, nameKey);
            upsert.setString(2, row.name());
            upsert.setBytes(3, row.salt());
            upsert.setBytes(4, row.hash());
            upsert.setLong(5, row.lastUsedMs());
            upsert.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot store the claim of a name", e);
        }
    }

    public synchronized void touch(String nameKey, long lastUsedMs) {
        try (var update = connection.prepareStatement("UPDATE names SET last_used_ms = ? WHERE name_key = ?")) {
            update.setLong(1, lastUsedMs);
            update.setString(2, nameKey);
            update.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot update the claim of a name", e);
        }
    }

    private <T> T query(String sql, String parameter, Function<java.sql.ResultSet, T> read) {
        try (var query = connection.prepareStatement(sql)) {
            query.setString(1, parameter);
            try (var rows = query.executeQuery()) {
                return read.apply(rows);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the claim of a name", e);
        }
    }

    @Override
    public synchronized void close() {
        HistoryFiles.closeQuietly(connection);
    }
}
