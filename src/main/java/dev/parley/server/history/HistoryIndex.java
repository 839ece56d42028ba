package dev.parley.server.history;

import java.lang.System.Logger.Level;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicLong;

/// The full-text index, kept a little behind the messages by the writer thread. A message is
/// committed (and acknowledged) without its trigram entries; they are added later, many rows in
/// one statement, and the highest id indexed is kept in `meta` in the same transaction. Rows
/// above that mark are found by [HistoryReader#search] with a scan, so a search never misses
/// a stored message.
///
/// Why: indexed by a trigger, each message was its own FTS5 statement, and the trigram index
/// cost most of the writer's time (raw SQL, retention deleting as much as is added: 12–20k rows/s
/// stored with the trigger, 55–100k without an index); one `INSERT … SELECT` per 1,000–10,000
/// rows indexes 86–102k rows/s, deletes included. Acknowledgements no longer wait for the index,
/// and the index costs less. How far behind it may fall is the [Policy]. Used by the writer
/// thread only.
final class HistoryIndex {

    /// `chunk`: the most rows indexed in one transaction. `lag`: unindexed rows left alone while
    /// messages keep coming (indexed when the writer has nothing queued). `maxLag`: unindexed rows at
    /// which the writer indexes a chunk after every commit, whether or not more is queued, so
    /// that under a sustained overload the index still keeps up and the scanned tail stays
    /// bounded. `idleMillis`: how long the writer waits for work before indexing whatever is left.
    record Policy(int chunk, long lag, long maxLag, long idleMillis) {
        static final Policy DEFAULT = new Policy(4_000, 2_000, 50_000, 50);

        Policy {
            if (chunk < 1 || lag < 0 || maxLag < lag || idleMillis < 1) {
                throw new IllegalArgumentException("bad index policy " + chunk + "/" + lag + "/" + maxLag + "/" + idleMillis);
            }
        }
    }

    /// How long one transaction of indexing may keep the writer, and so a message that arrives
    /// meanwhile, waiting: a chunk is sized from the rate the last ones ran at, because a fixed
    /// chunk takes as long as the disk and the machine make it, and every message that comes in
    /// the meantime waits for it.
    private static final long SLICE_NANOS = 4_000_000L;
    private static final int MIN_SLICE = 64;

    private static final long RETRY_NANOS = 5_000_000_000L;
    private static final System.Logger LOG = System.getLogger(HistoryIndex.class.getName());

    private final Connection connection;
    private final Policy policy;
    private final PreparedStatement last;
    private final PreparedStatement add;
    private final PreparedStatement mark;
    private final PreparedStatement forget;
    private final AtomicLong unindexed = new AtomicLong();  // read by other threads (tests, figures)
    private long indexedThrough;
    private long retryAt = System.nanoTime();  // after a failure, not before this
    private double rowsPerNano = 50_000 / 1e9;  // a guess until the first chunk is timed

    HistoryIndex(Connection connection, Policy policy) throws SQLException {
        this.connection = connection;
        this.policy = policy;
        try (var statement = connection.createStatement();
             var rows = statement.executeQuery("SELECT " + HistorySql.INDEXED_THROUGH_SQL)) {
            rows.next();
            indexedThrough = rows.getLong(1);
        }
        try (var count = connection.prepareStatement("SELECT COUNT(*) FROM messages WHERE id > ?")) {
            count.setLong(1, indexedThrough);
            try (var rows = count.executeQuery()) {
                rows.next();
                unindexed.set(rows.getLong(1));
            }
        }
        this.last = connection.prepareStatement(
                "SELECT MAX(id), COUNT(*) FROM (SELECT id FROM messages WHERE id > ? ORDER BY id LIMIT ?)");
        this.add = connection.prepareStatement(
                "INSERT INTO messages_fts(rowid, text) SELECT id, text FROM messages WHERE id > ? AND id <= ?");
        this.mark = connection.prepareStatement("UPDATE meta SET value = ? WHERE key = '" + HistorySql.INDEXED_THROUGH + "'");
        // The text given with 'delete' must be the indexed one: it is, a message never changes.
        this.forget = connection.prepareStatement("INSERT INTO messages_fts(messages_fts, rowid, text) "
                + "SELECT 'delete', id, text FROM messages WHERE room = ? AND seq <= ? AND id <= ?");
    }

    /// `rows` more were committed.
    void stored(int rows) {
        unindexed.addAndGet(rows);
    }

    long unindexed() {
        return unindexed.get();
    }

    long indexedThrough() {
        return indexedThrough;
    }

    long idleMillis() {
        return policy.idleMillis();
    }

    /// Whether to index a chunk now, after a commit; `more` tells whether more work is queued.
    boolean due(boolean more) {
        long behind = unindexed.get();
        return behind > 0 && (behind >= policy.maxLag() || (!more && behind >= policy.lag()));
    }

    /// How many rows the next [#indexChunk] takes: what fits in [#SLICE_NANOS] at the rate
    /// measured so far, or a whole chunk once the index is `maxLag` behind (under a sustained
    /// overload it must keep up more than it must stay out of the way).
    private int nextChunk() {
        if (unindexed.get() >= policy.maxLag()) {
            return policy.chunk();
        }
        long fits = (long) (rowsPerNano * SLICE_NANOS);
        return (int) Math.clamp(fits, Math.min(MIN_SLICE, policy.chunk()), policy.chunk());
    }

    /// Indexes the next chunk of unindexed rows ([#nextChunk] of them) in one transaction;
    /// returns how many rows were indexed (0: nothing to do). A failure is logged and rolled
    /// back: the rows stay unindexed, and found by the scan, until a pass a few seconds later.
    int indexChunk() {
        if (System.nanoTime() - retryAt < 0) {
            return 0;
        }
        int limit = nextChunk();
        long started = System.nanoTime();
        try {
            last.setLong(1, indexedThrough);
            last.setInt(2, limit);
            long through;
            int rows;
            try (var result = last.executeQuery()) {
                result.next();
                through = result.getLong(1);
                rows = result.getInt(2);
            }
            if (rows == 0) {
                unindexed.set(0);
                return 0;
            }
            add.setLong(1, indexedThrough);
            add.setLong(2, through);
            add.executeUpdate();
            mark.setString(1, Long.toString(through));
            mark.executeUpdate();
            connection.commit();
            indexedThrough = through;
            // A short chunk was the last one. (Rows that retention deleted before they were
            // indexed are counted in `unindexed` but never indexed; this is where they go.)
            unindexed.updateAndGet(n -> rows < limit || rows >= n ? 0 : n - rows);
            if (rows >= MIN_SLICE) {
                double rate = rows / (double) Math.max(1, System.nanoTime() - started);
                // Down at once, up slowly: FTS5 merges its segments now and then inside a
                // chunk, and a rate taken from the quick chunks alone overshoots the budget.
                rowsPerNano = rate < rowsPerNano ? rate : 0.9 * rowsPerNano + 0.1 * rate;
            }
            return rows;
        } catch (SQLException e) {
            LOG.log(Level.WARNING, "indexing the history for search failed; will try again in a few seconds", e);
            retryAt = System.nanoTime() + RETRY_NANOS;
            HistoryFiles.rollbackQuietly(connection);
            return 0;
        }
    }

    /// Takes out of the index the rows of `room` up to `seq`, which retention is about to
    /// delete; rows above the mark have nothing to take out. In the caller's transaction.
    void forget(String room, long seq) throws SQLException {
        forget.setString(1, room);
        forget.setLong(2, seq);
        forget.setLong(3, indexedThrough);
        forget.executeUpdate();
    }

    /// Takes out of the index every row up to `id`, which the total cap is about to delete.
    void forgetThrough(long id) throws SQLException {
        try (var statement = connection.prepareStatement("INSERT INTO messages_fts(messages_fts, rowid, text) "
                + "SELECT 'delete', id, text FROM messages WHERE id <= ? AND id <= ?")) {
            statement.setLong(1, id);
            statement.setLong(2, indexedThrough);
            statement.executeUpdate();
        }
    }

    void close() {
        HistoryFiles.closeQuietly(forget);
        HistoryFiles.closeQuietly(last);
        HistoryFiles.closeQuietly(add);
        HistoryFiles.closeQuietly(mark);
    }
}
