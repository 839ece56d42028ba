package dev.parley.server.history;

import java.nio.file.Path;
import java.sql.SQLException;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;

/// Read connections to one history file for pages and searches: one for each thread reading at
/// the moment (WAL lets them all read beside the writer), so a slow search holds its own
/// connection and nobody else's. A reader is made when none is free and kept for the next read;
/// the server's read lanes bound how many read at once.
final class HistoryReaders implements AutoCloseable {

    interface Read<T> {
        T run(HistoryReader reader) throws SQLException;
    }

    /// Free readers kept beyond this are closed: more threads than this rarely read at once.
    private static final int KEEP = 8;

    private final Path file;
    private final String epoch;
    private final ConcurrentLinkedDeque<HistoryReader> free = new ConcurrentLinkedDeque<>();
    private final Set<HistoryReader> open = ConcurrentHashMap.newKeySet();
    private volatile boolean closed;

    HistoryReaders(Path file, String epoch) {
        this.file = file;
        this.epoch = epoch;
    }

    <T> T read(Read<T> read) throws SQLException {
        var reader = borrow();
        try {
            return read.run(reader);
        } finally {
            giveBack(reader);
        }
    }

    private HistoryReader borrow() throws SQLException {
        if (closed) {
            throw new SQLException("the history is closed");
        }
        var reader = free.pollFirst();
        if (reader != null) {
            return reader;
        }
        var connection = HistoryFiles.connect(file);
        try {
            reader = new HistoryReader(connection, epoch);
        } catch (SQLException | RuntimeException e) {
            HistoryFiles.closeQuietly(connection);
            throw e;
        }
        open.add(reader);
        return reader;
    }

    private void giveBack(HistoryReader reader) {
        if (closed || free.size() >= KEEP) {
            open.remove(reader);
            reader.close();
        } else {
            free.addFirst(reader);  // a close() meanwhile closes it too: it is still in `open`
        }
    }

    @Override
    public void close() {
        closed = true;
        for (var reader : open) {
            open.remove(reader);
            reader.close();
        }
        free.clear();
    }
}
