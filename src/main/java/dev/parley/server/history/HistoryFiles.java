package dev.parley.server.history;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/// Connections to `history.db`, and what is done with a file SQLite cannot read.
///
/// Durability: WAL with `synchronous=NORMAL`. A commit is in the WAL file once `COMMIT`
/// returns, so a crash of the process (SIGKILL, OOM) loses nothing that was committed; the
/// WAL is only fsynced at checkpoints, so a power loss or OS crash may lose the last commits
/// (never corrupts the file). `synchronous=FULL` would close that gap at one fsync per batch.
final class HistoryFiles {

    private static final int SQLITE_CORRUPT = 11;
    private static final int SQLITE_NOTADB = 26;
    private static final DateTimeFormatter STAMP =
            DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmmssSSS'Z'").withZone(ZoneOffset.UTC);

    private HistoryFiles() {}

    static Connection connect(Path file) throws SQLException {
        var connection = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath());
        try (var statement = connection.createStatement()) {
            // Readers and the writer are separate connections; WAL lets them work at once, and
            // the timeout covers the short moments a checkpoint needs the file to itself.
            statement.execute("PRAGMA busy_timeout = 10000");
            statement.execute("PRAGMA journal_mode = WAL");
            statement.execute("PRAGMA synchronous = NORMAL");
        } catch (SQLException e) {
            closeQuietly(connection);
            throw e;
        }
        return connection;
    }

    /// Fails with an SQLITE_CORRUPT error when `quick_check` finds damage that opening did not.
    static void quickCheck(Connection connection) throws SQLException {
        try (var statement = connection.createStatement();
             var rows = statement.executeQuery("PRAGMA quick_check")) {
            var problem = rows.next() ? rows.getString(1) : "no answer";
            if (!"ok".equals(problem)) {
                throw new SQLException("quick_check: " + problem, null, SQLITE_CORRUPT);
            }
        }
    }

    /// True when SQLite says the file is damaged or not a database, the only cases in which
    /// the file is moved aside. A locked or unreadable file is left alone.
    static boolean isDamage(SQLException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql) {
                int primary = sql.getErrorCode() & 0xff;
                if (primary == SQLITE_CORRUPT || primary == SQLITE_NOTADB) {
                    return true;
                }
            }
        }
        return false;
    }

    /// Renames `history.db` and its `-wal`/`-shm` to `history.db.corrupt-<UTC time>[-wal|-shm]`;
    /// returns the new name of the database file.
    static Path moveAside(Path file) throws IOException {
        var target = file.resolveSibling(file.getFileName() + ".corrupt-" + STAMP.format(Instant.now()));
        var moved = new ArrayList<Path>();
        for (var suffix : List.of("", "-wal", "-shm")) {
            var from = file.resolveSibling(file.getFileName() + suffix);
            if (Files.exists(from)) {
                moved.add(Files.move(from, target.resolveSibling(target.getFileName() + suffix),
                        StandardCopyOption.ATOMIC_MOVE));
            }
        }
        return target;
    }

    /// A fresh file in the temp folder, for when the data folder cannot hold a database.
    static Path temporaryFile() throws IOException {
        return Files.createTempDirectory("parley-history-").resolve("history.db");
    }

    /// After a failure that is logged already: the transaction is gone either way.
    static void rollbackQuietly(Connection connection) {
        try {
            connection.rollback();
        } catch (SQLException ignored) {
            // nothing more to say than the first error
        }
    }

    static void closeQuietly(AutoCloseable closeable) {
        if (closeable == null) {
            return;
        }
        try {
            closeable.close();
        } catch (Exception ignored) {
            // closing after a failure: the first error is the one worth reporting
        }
    }
}
