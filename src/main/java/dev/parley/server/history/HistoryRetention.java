package dev.parley.server.history;

import java.lang.System.Logger.Level;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/// Keeps the last `keep` messages of each room. Used by the writer thread only. Deleting
/// never lowers a room's highest seq (the newest `keep >= 1` rows stay), so seqs are never
/// given twice.
final class HistoryRetention {

    private static final System.Logger LOG = System.getLogger(HistoryRetention.class.getName());

    private static final int EVERY = 250;

    private final int keep;
    private final int every;
    private final Map<String, Long> lastSeq;
    private final Map<String, Long> prunedThrough = new HashMap<>();
    private final HistoryIndex index;
    private int storedSincePrune;

    HistoryRetention(int keep, Map<String, Long> lastSeqs, HistoryIndex index) {
        if (keep < 1) {
            throw new IllegalArgumentException("retention must keep at least one message a room, not " + keep);
        }
        this.keep = keep;
        this.index = index;
        // Often enough that a room never holds much more than `keep` and that one pass (deleting
        // rows and their index entries, while the messages that arrive wait) stays short, since
        // its cost grows with the rows it deletes; rarely enough that a busy room pays one DELETE
        // per 250 messages, not one per message.
        this.every = Math.min(keep, EVERY);
        this.lastSeq = new HashMap<>(lastSeqs);
    }

    void stored(List<HistoryWriter.Append> batch) {
        for (var append : batch) {
            lastSeq.merge(append.chat().room(), append.chat().seq(), Math::max);
        }
        storedSincePrune += batch.size();
    }

    boolean due() {
        return storedSincePrune >= every;
    }

    /// Deletes what is past retention in one transaction; returns the number of rows deleted.
    /// A failure is logged and tried again at the next pass: retention is housekeeping.
    int prune(Connection connection) {
        storedSincePrune = 0;
        var done = new HashMap<String, Long>();
        int deleted = 0;
        try (var delete = connection.prepareStatement("DELETE FROM messages WHERE room = ? AND seq <= ?")) {
            for (var room : lastSeq.entrySet()) {
                long through = room.getValue() - keep;
                if (through > prunedThrough.getOrDefault(room.getKey(), 0L)) {
                    index.forget(room.getKey(), through);
                    delete.setString(1, room.getKey());
                    delete.setLong(2, through);
                    deleted += delete.executeUpdate();
                    done.put(room.getKey(), through);
                }
            }
            connection.commit();
            prunedThrough.putAll(done);
            return deleted;
        } catch (SQLException e) {
            LOG.log(Level.WARNING, "history retention failed; will try again later", e);
            HistoryFiles.rollbackQuietly(connection);
            return 0;
        }
    }
}
