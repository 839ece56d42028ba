package dev.parley.server.history;

import java.lang.System.Logger.Level;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/// Keeps the last `keep` messages of each room, and about `maxStored` in all rooms together
/// (the oldest rows go first, at each pass). Used by the writer thread only. Deleting by
/// room never lowers a room's highest seq (the newest `keep >= 1` rows stay); a room the total
/// cap empties is reported to `emptied`, which decides whether its numbering may start again.
final class HistoryRetention {

    /// Told, after the commit, of the rooms the total cap emptied and the seq each ended at.
    interface Emptied {
        void emptied(Map<String, Long> rooms);
    }

    private static final System.Logger LOG = System.getLogger(HistoryRetention.class.getName());

    private static final int EVERY = 250;

    private final int keep;
    private final int every;
    private final Map<String, Long> lastSeq;
    private final Map<String, Long> prunedThrough = new HashMap<>();
    private final HistoryIndex index;
    private final long maxStored;
    private final Emptied emptied;
    private long total;
    private int storedSincePrune;
    private long removedOldest;

    /// `total`: the rows stored now.
    HistoryRetention(int keep, Map<String, Long> lastSeqs, HistoryIndex index, long maxStored, long total, Emptied emptied) {
        this.maxStored = maxStored;
        this.total = total;
        this.emptied = emptied;
        if (keep < 1) {
            throw new IllegalArgumentException("retention must keep at least one message a room, not " + keep);
        }
        this.keep = keep;
        this.index = index;
        // Often enough that a room never holds much more than `keep` and that one pass (deleting
        // rows and their index entries, while the messages that arrive wait) stays short, since
        // its cost grows with the rows it deletes; rarely enough that a busy room pays one DELETE
        // per 250 messages, not one per message.
        this.every = (int) Math.min(Math.min(keep, EVERY), Math.max(1, maxStored / 4));
        this.lastSeq = new HashMap<>(lastSeqs);
    }

    void stored(List<HistoryWriter.Append> batch) {
        for (var append : batch) {
            lastSeq.merge(append.chat().room(), append.chat().seq(), Math::max);
        }
        storedSincePrune += batch.size();
        total += batch.size();
    }

    boolean due() {
        return storedSincePrune >= every;
    }

    /// Deletes what is past retention in one transaction; returns the number of rows deleted.
    /// A failure is logged and tried again at the next pass: retention is housekeeping.
    int prune(Connection connection) {
        storedSincePrune = 0;
        removedOldest = 0;
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
            total -= deleted;
            var gone = total > maxStored ? pruneOldest(connection) : Map.<String, Long>of();
            connection.commit();
            prunedThrough.putAll(done);
            for (var room : gone.keySet()) {
                lastSeq.remove(room);
                prunedThrough.remove(room);
            }
            if (!gone.isEmpty()) {
                emptied.emptied(gone);
            }
            return deleted + (int) Math.min(Integer.MAX_VALUE, removedOldest);
        } catch (SQLException e) {
            LOG.log(Level.WARNING, "history retention failed; will try again later", e);
            HistoryFiles.rollbackQuietly(connection);
            total = count(connection, total);
            return 0;
        }
    }

    /// Deletes the oldest rows of all rooms down to `maxStored`, in the caller's transaction;
    /// returns the rooms left without any row, with the highest seq they had.
    private Map<String, Long> pruneOldest(Connection connection) throws SQLException {
        long through;
        try (var cut = connection.prepareStatement("SELECT id FROM messages ORDER BY id LIMIT 1 OFFSET ?")) {
            cut.setLong(1, total - maxStored - 1);
            try (var rows = cut.executeQuery()) {
                if (!rows.next()) {
                    return Map.of();
                }
                through = rows.getLong(1);
            }
        }
        var touched = new HashMap<String, Long>();
        try (var rooms = connection.prepareStatement("SELECT room, MAX(seq) FROM messages WHERE id <= ? GROUP BY room")) {
            rooms.setLong(1, through);
            try (var rows = rooms.executeQuery()) {
                while (rows.next()) {
                    touched.put(rows.getString(1), rows.getLong(2));
                }
            }
        }
        index.forgetThrough(through);
        try (var delete = connection.prepareStatement("DELETE FROM messages WHERE id <= ?")) {
            delete.setLong(1, through);
            removedOldest = delete.executeUpdate();
            total -= removedOldest;
        }
        var gone = new HashMap<String, Long>();
        try (var any = connection.prepareStatement("SELECT 1 FROM messages WHERE room = ? LIMIT 1")) {
            for (var room : touched.entrySet()) {
                any.setString(1, room.getKey());
                try (var rows = any.executeQuery()) {
                    if (!rows.next()) {
                        gone.put(room.getKey(), room.getValue());
                    }
                }
            }
        }
        return gone;
    }

    /// The rows stored now, or `otherwise` when they cannot be counted.
    static long count(Connection connection, long otherwise) {
        try (var statement = connection.createStatement();
             var rows = statement.executeQuery("SELECT COUNT(*) FROM messages")) {
            return rows.next() ? rows.getLong(1) : otherwise;
        } catch (SQLException e) {
            return otherwise;
        }
    }
}
