package dev.parley.server.history;

import dev.parley.protocol.Codec;
import dev.parley.protocol.Message.Chat;
import dev.parley.server.history.HistoryStore.Stored;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/// The one thread that writes `history.db`. It takes whatever is queued (up to `maxBatch`
/// rows), commits it in one transaction (group commit), and only then lets the acknowledger
/// thread complete the futures, in queue order, which is `seq` order within each room.
/// Retention runs here too, every so many stored rows and when stopping, and so does the
/// full-text indexing ([HistoryIndex]): between batches, and when there is nothing to store.
final class HistoryWriter implements Runnable {

    sealed interface Task {}

    /// One message to store; `timeMs` is `chat.time()` as epoch millis, `cid` the sender's.
    record Append(Chat chat, long timeMs, String cid, CompletableFuture<Stored> done) implements Task {}

    record Prune(CompletableFuture<Integer> done) implements Task {}

    record Stop() implements Task {}

    /// Called on the acknowledger thread, one batch at a time, in commit order.
    interface Acknowledger {
        void committed(List<Append> batch);

        void failed(List<Append> batch, SQLException cause);
    }

    private static final int ATTEMPTS = 3;

    private final BlockingQueue<Task> queue = new LinkedBlockingQueue<>();
    // Completing futures runs the server's broadcast; a second thread lets the writer
    // commit the next batch meanwhile, and one thread keeps the order.
    private final ExecutorService acks =
            Executors.newSingleThreadExecutor(Thread.ofPlatform().name("parley-history-acks").daemon().factory());
    private final Connection connection;
    private final PreparedStatement insert;
    private final int maxBatch;
    private final HistoryRetention retention;
    private final HistoryIndex index;
    private final Acknowledger acknowledger;
    private final AtomicLong transactions = new AtomicLong();

    HistoryWriter(Connection connection, int maxBatch, HistoryRetention retention, HistoryIndex index,
                  Acknowledger acknowledger) throws SQLException {
        this.connection = connection;
        this.maxBatch = maxBatch;
        this.retention = retention;
        this.index = index;
        this.acknowledger = acknowledger;
        connection.setAutoCommit(false);
        this.insert = connection.prepareStatement(HistorySql.INSERT);
    }

    void submit(Task task) {
        queue.add(task);
    }

    /// How many append transactions were committed: fewer than appends when group commit works.
    long transactions() {
        return transactions.get();
    }

    @Override
    public void run() {
        var batch = new ArrayList<Append>();
        var stopping = false;
        while (!stopping) {
            var first = index.unindexed() > 0 ? poll(index.idleMillis()) : take();
            if (first == null) {
                // Nothing to store for a while: catch up, a chunk at a time while nothing comes.
                while (index.indexChunk() > 0 && queue.isEmpty()) {
                    // the next chunk
                }
                continue;
            }
            var tasks = new ArrayList<Task>();
            tasks.add(first);
            queue.drainTo(tasks, maxBatch - 1);
            for (var task : tasks) {
                switch (task) {
                    case Append append -> batch.add(append);
                    case Prune prune -> {
                        commit(batch);
                        prune.done().complete(retention.prune(connection));
                    }
                    case Stop stop -> stopping = true;
                }
            }
            commit(batch);
            if (retention.due()) {
                retention.prune(connection);
            }
            if (!stopping && index.due(!queue.isEmpty())) {
                index.indexChunk();
            }
        }
        retention.prune(connection);
        acks.close();
        HistoryFiles.closeQuietly(insert);
        index.close();
    }

    private void commit(List<Append> batch) {
        if (batch.isEmpty()) {
            return;
        }
        var done = List.copyOf(batch);
        batch.clear();
        SQLException failure = null;
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            try {
                insert(done);
                retention.stored(done);
                index.stored(done.size());
                acks.execute(() -> acknowledger.committed(done));
                return;
            } catch (SQLException e) {
                failure = e;
                pause(attempt * 100L);
            }
        }
        // The seqs of a failed batch stay unused: a gap is better than giving one seq twice.
        var cause = failure;
        acks.execute(() -> acknowledger.failed(done, cause));
    }

    private void insert(List<Append> batch) throws SQLException {
        try {
            for (var append : batch) {
                var chat = append.chat();
                insert.setString(1, chat.room());
                insert.setLong(2, chat.seq());
                insert.setString(3, chat.from());
                insert.setString(4, chat.text());
                insert.setLong(5, append.timeMs());
                insert.setString(6, append.cid());
                insert.setString(7, chat.file() == null ? null : Codec.encodeFile(chat.file()));
                insert.addBatch();
            }
            insert.executeBatch();
            connection.commit();
            transactions.incrementAndGet();
        } catch (SQLException e) {
            insert.clearBatch();
            try {
                connection.rollback();
            } catch (SQLException rollback) {
                e.addSuppressed(rollback);
            }
            throw e;
        }
    }

    private Task take() {
        while (true) {
            try {
                return queue.take();
            } catch (InterruptedException e) {
                // The writer runs until its Stop, so that no future is left hanging.
            }
        }
    }

    private Task poll(long millis) {
        try {
            return queue.poll(millis, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            return queue.poll();
        }
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            // a retry pause: shorter is fine
        }
    }
}
