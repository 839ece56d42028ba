package dev.parley.server.history;

import dev.parley.protocol.Message.Chat;
import dev.parley.protocol.Message.FileInfo;
import dev.parley.server.history.HistoryWriter.Append;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/// Room history in one SQLite file (`history.db`, WAL, `synchronous=NORMAL`; see
/// [HistoryFiles] for what a crash or a power loss can cost). [#append] gives the room's next
/// `seq` at once and queues the row; one writer thread commits whatever is queued in one
/// transaction and then completes the futures, per room in `seq` order. A resend — the same
/// `cid`, room and text, stored or still queued — gets the original back and stores nothing.
///
/// The server makes each `cid` its sender's own before it gets here (the claimed name, or the
/// name asked for, which stays the same when a client that reconnects is renamed `alice-2`), so
/// another member's message with the same cid and text is stored as his own. The text must
/// match too.
/// Open with [SqliteHistoryStore#open], which never fails on a damaged file.
public final class SqliteHistoryStore implements HistoryStore {

    static final int DEFAULT_MAX_BATCH = 1_000;

    private final Object lock = new Object();
    private final Map<String, Long> givenSeq;                       // guarded by lock
    private final Map<String, Append> inFlight = new HashMap<>();   // guarded by lock; by resendKey
    private final Map<String, Long> committedSeq;
    private final Occupancy occupied = new Occupancy();
    private final Map<String, Long> emptiedAt = new HashMap<>();  // guarded by lock; emptied while occupied
    private final HistoryDatabase database;
    private final HistoryIndex index;
    private final HistoryWriter writer;
    private final Thread writerThread;
    private boolean closed;                                         // guarded by lock

    private SqliteHistoryStore(HistoryDatabase database, int retention, long maxStored, int maxBatch,
                               HistoryIndex.Policy policy) throws SQLException {
        this.database = database;
        this.givenSeq = new HashMap<>(database.lastSeqs());
        this.committedSeq = new ConcurrentHashMap<>(database.lastSeqs());
        this.index = new HistoryIndex(database.writeConnection(), policy);
        var write = database.writeConnection();
        this.writer = new HistoryWriter(write, maxBatch, new HistoryRetention(retention, database.lastSeqs(), index,
                maxStored, HistoryRetention.count(write, 0), this::emptied), index, new Acknowledger());
        // Retention may have been lowered since the last run.
        writer.submit(new HistoryWriter.Prune(new CompletableFuture<>()));
        this.writerThread = Thread.ofPlatform().name("parley-history-writer").daemon().start(writer);
    }

    /// Opens (or creates) the history at `file`, keeping the last `retention` messages a room.
    /// A damaged file is moved aside and a fresh one started; a file that cannot be opened at
    /// all is left alone and a temporary one used. Either way [#startupNotice] says what happened.
    public static SqliteHistoryStore open(java.nio.file.Path file, int retention) {
        return open(file, retention, Long.MAX_VALUE);
    }

    /// Keeping also about `maxStored` messages in all rooms together, the oldest removed first.
    public static SqliteHistoryStore open(java.nio.file.Path file, int retention, long maxStored) {
        return open(file, retention, maxStored, DEFAULT_MAX_BATCH, HistoryIndex.Policy.DEFAULT);
    }

    /// `maxBatch` 1 is one transaction per message: for the benchmark that compares the two.
    static SqliteHistoryStore open(java.nio.file.Path file, int retention, int maxBatch) {
        return open(file, retention, maxBatch, HistoryIndex.Policy.DEFAULT);
    }

    /// With another indexing policy: for the tests of a search over rows not yet indexed.
    static SqliteHistoryStore open(java.nio.file.Path file, int retention, int maxBatch, HistoryIndex.Policy policy) {
        return open(file, retention, Long.MAX_VALUE, maxBatch, policy);
    }

    private static SqliteHistoryStore open(java.nio.file.Path file, int retention, long maxStored, int maxBatch,
                                          HistoryIndex.Policy policy) {
        var database = HistoryDatabase.openOrRecover(file);
        try {
            return new SqliteHistoryStore(database, retention, maxStored, maxBatch, policy);
        } catch (SQLException | RuntimeException e) {
            database.close();
            throw new IllegalStateException("cannot start the history writer on " + database.file(), e);
        }
    }

    /// What was done at startup when `history.db` was damaged or could not be opened.
    public Optional<String> startupNotice() {
        return Optional.ofNullable(database.notice());
    }

    /// The database file in use (a temporary one when the data folder's could not be opened).
    public java.nio.file.Path file() {
        return database.file();
    }

    @Override
    public CompletableFuture<Stored> append(String room, String from, String text, String cid, Instant time,
            FileInfo file) {
        Objects.requireNonNull(room, "room");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(text, "text");
        long timeMs = time.toEpochMilli();
        var key = resendKey(room, cid, text);
        synchronized (lock) {
            if (closed) {
                return CompletableFuture.failedFuture(new IllegalStateException("the history store is closed"));
            }
            if (cid != null) {
                var queued = inFlight.get(key);
                if (queued != null) {
                    return queued.done().thenApply(stored -> new Stored(stored.chat(), true));
                }
                try {
                    var original = database.lookup().original(room, cid, text);
                    if (original != null) {
                        return CompletableFuture.completedFuture(new Stored(original, true));
                    }
                } catch (SQLException e) {
                    return CompletableFuture.failedFuture(e);
                }
            }
            long seq = givenSeq.merge(room, 1L, Long::sum);
            emptiedAt.remove(room);
            var append = new Append(HistorySql.chat(database.epoch(), room, seq, from, text, timeMs, file), timeMs, cid,
                    new CompletableFuture<>());
            if (cid != null) {
                inFlight.put(key, append);
            }
            writer.submit(append);
            return append.done();
        }
    }

    @Override
    public List<Chat> page(String room, Long after, Long before, int limit, Deadline deadline) {
        try {
            return database.readers().read(reader -> reader.page(room, after, before, limit, deadline));
        } catch (SQLException e) {
            throw new IllegalStateException("reading the history of " + room + " failed", e);
        }
    }

    @Override
    public long lastSeq(String room) {
        return committedSeq.getOrDefault(room, 0L);
    }

    @Override
    public Map<String, Long> lastSeqs() {
        return Map.copyOf(committedSeq);
    }

    @Override
    public List<Chat> search(String query, int limit) {
        try {
            return database.readers().read(reader -> reader.search(query, null, limit, Deadline.NONE));
        } catch (SQLException e) {
            throw new IllegalStateException("searching the history failed", e);
        }
    }

    @Override
    public List<Chat> search(String query, Collection<String> rooms, int limit, Deadline deadline) {
        try {
            return database.readers().read(reader -> reader.search(query, List.copyOf(rooms), limit, deadline));
        } catch (SQLException e) {
            throw new IllegalStateException("searching the history failed", e);
        }
    }

    @Override
    public Set<String> referencedFiles() {
        try {
            return database.readers().read(HistoryReader::referencedFiles);
        } catch (SQLException e) {
            throw new IllegalStateException("reading the shared files of the history failed", e);
        }
    }

    @Override
    public void occupied(String room) {
        occupied.occupied(room);
    }

    @Override
    public void vacated(String room) {
        occupied.vacated(room);
        synchronized (lock) {
            var at = emptiedAt.get(room);
            if (at != null && !occupied.has(room) && at.equals(givenSeq.get(room))) {
                forget(room);
            }
        }
    }

    /// The total cap removed every row of `rooms` (each with the last seq it had): a room nobody
    /// is in and that got no message since is forgotten; one with members keeps its numbering.
    private void emptied(Map<String, Long> rooms) {
        synchronized (lock) {
            for (var room : rooms.entrySet()) {
                if (!room.getValue().equals(givenSeq.get(room.getKey()))) {
                    continue;  // a message came since
                }
                if (occupied.has(room.getKey())) {
                    emptiedAt.put(room.getKey(), room.getValue());
                } else {
                    forget(room.getKey());
                }
            }
        }
    }

    private void forget(String room) {
        givenSeq.remove(room);
        committedSeq.remove(room);
        emptiedAt.remove(room);
    }

    /// How many rooms the store keeps numbering for.
    int rememberedRooms() {
        synchronized (lock) {
            return givenSeq.size();
        }
    }

    long transactions() {
        return writer.transactions();
    }

    /// How many stored messages are not in the full-text index yet (searched by a scan).
    long unindexed() {
        return index.unindexed();
    }

    /// Runs retention now; completes with the number of messages deleted.
    CompletableFuture<Integer> prune() {
        var done = new CompletableFuture<Integer>();
        synchronized (lock) {
            if (closed) {
                return CompletableFuture.failedFuture(new IllegalStateException("the history store is closed"));
            }
            writer.submit(new HistoryWriter.Prune(done));
        }
        return done;
    }

    /// Stores everything queued, completes every future, closes the file. Idempotent.
    @Override
    public synchronized void close() {
        synchronized (lock) {
            if (closed) {
                return;
            }
            closed = true;
            writer.submit(new HistoryWriter.Stop());
        }
        boolean interrupted = false;
        while (writerThread.isAlive()) {
            try {
                writerThread.join();
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        database.close();
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private static String resendKey(String room, String cid, String text) {
        return room + '\0' + cid + '\0' + text;
    }

    private final class Acknowledger implements HistoryWriter.Acknowledger {
        @Override
        public void committed(List<Append> batch) {
            for (var append : batch) {
                committedSeq.merge(append.chat().room(), append.chat().seq(), Math::max);
                append.done().complete(new Stored(append.chat(), false));
            }
            forget(batch);
        }

        @Override
        public void failed(List<Append> batch, SQLException cause) {
            forget(batch);
            batch.forEach(append -> append.done().completeExceptionally(cause));
        }

        private void forget(List<Append> batch) {
            synchronized (lock) {
                batch.forEach(append -> inFlight.remove(resendKey(append.chat().room(), append.cid(), append.chat().text()), append));
            }
        }
    }
}
