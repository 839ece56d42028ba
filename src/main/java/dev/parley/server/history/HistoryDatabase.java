package dev.parley.server.history;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;

/// The open connections to one history file: the writer's, the readers of pages and searches,
/// one for the dedup look-ups of `append`. [#openOrRecover] is where a damaged file is dealt with.
record HistoryDatabase(Path file, String notice, String epoch, Connection writeConnection, HistoryReaders readers,
                       HistoryReader lookup, Map<String, Long> lastSeqs) implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(HistoryDatabase.class.getName());

    /// Opens `file`; never gives up because of what is in it. A file SQLite calls damaged is
    /// moved aside and a fresh one created there; a file that cannot be opened for another
    /// reason (locked, no permission) is left alone and a temporary file is used instead.
    static HistoryDatabase openOrRecover(Path file) {
        Exception first;
        try {
            return open(file, null);
        } catch (SQLException | IOException e) {
            first = e;
        }
        if (first instanceof SQLException sql && HistoryFiles.isDamage(sql)) {
            try {
                var aside = HistoryFiles.moveAside(file);
                return open(file, warn("history file " + file + " was damaged (" + first.getMessage()
                        + "); moved it to " + aside + " and started an empty history"));
            } catch (SQLException | IOException e) {
                first.addSuppressed(e);
            }
        }
        try {
            var temporary = HistoryFiles.temporaryFile();
            return open(temporary, warn("cannot open history file " + file + " (" + first.getMessage()
                    + "); history is kept in " + temporary + " and not carried over to the next start"));
        } catch (SQLException | IOException e) {
            e.addSuppressed(first);
            throw new IllegalStateException("cannot create any history file", e);
        }
    }

    private static HistoryDatabase open(Path file, String notice) throws SQLException, IOException {
        var parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        Connection write = null;
        HistoryReader lookup = null;
        try {
            write = HistoryFiles.connect(file);
            HistoryFiles.quickCheck(write);
            HistorySql.createSchema(write);
            var epoch = HistorySql.epoch(write);
            var lastSeqs = HistorySql.lastSeqs(write);
            lookup = new HistoryReader(HistoryFiles.connect(file), epoch);
            return new HistoryDatabase(file, notice, epoch, write, new HistoryReaders(file, epoch), lookup,
                    Map.copyOf(lastSeqs));
        } catch (SQLException | RuntimeException e) {
            HistoryFiles.closeQuietly(lookup);
            HistoryFiles.closeQuietly(write);
            throw e;
        }
    }

    private static String warn(String notice) {
        LOG.log(Level.WARNING, notice);
        return notice;
    }

    @Override
    public void close() {
        HistoryFiles.closeQuietly(lookup);
        HistoryFiles.closeQuietly(readers);
        HistoryFiles.closeQuietly(writeConnection);
    }
}
