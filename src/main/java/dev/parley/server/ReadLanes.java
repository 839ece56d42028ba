package dev.parley.server;

import dev.parley.server.history.Deadline;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.PriorityBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/// Where history reads and searches run: never on Jetty's threads, where one slow search held
/// its connection's thread and, through the store, every other reader. Two lanes, each with its
/// own threads and so its own SQLite read connections, so that no history waits for a search:
///
/// - history: one thread. The recent messages of a join go before requested pages; requests
///   are answered in the order asked (a client pairs `history` answers with its questions so).
/// - search: a few threads and a short queue; a search that finds the queue full is refused
///   at once (the caller answers `too_busy`), rather than waiting behind a crowd.
///
/// How long each may take is the caller's [Deadline], which also covers the wait in the queue.
final class ReadLanes implements AutoCloseable {

    /// Searches that may wait for a free search thread; more at once are `too_busy`.
    static final int SEARCH_QUEUE = 16;

    private record Ordered(boolean join, long order, Runnable task) implements Runnable, Comparable<Ordered> {
        @Override
        public void run() {
            task.run();
        }

        @Override
        public int compareTo(Ordered other) {
            return join != other.join ? (join ? -1 : 1) : Long.compare(order, other.order);
        }
    }

    private final AtomicLong order = new AtomicLong();
    private final ThreadPoolExecutor history;
    private final ThreadPoolExecutor search;

    ReadLanes(int searchThreads) {
        this.history = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS, new PriorityBlockingQueue<>(),
                Thread.ofPlatform().name("parley-history-reads").daemon().factory());
        this.search = new ThreadPoolExecutor(searchThreads, searchThreads, 0, TimeUnit.MILLISECONDS,
                new ArrayBlockingQueue<>(SEARCH_QUEUE), Thread.ofPlatform().name("parley-search-", 1).daemon().factory());
    }

    /// Search threads for a machine with `cores`: half of them, so that searches leave the
    /// others to chat, at least one.
    static int searchThreads(int cores) {
        return Math.clamp(cores / 2, 1, 4);
    }

    /// Runs a history read; a join's before requested pages. False once the server is stopping.
    boolean history(boolean join, Runnable read) {
        try {
            history.execute(new Ordered(join, order.incrementAndGet(), read));
            return true;
        } catch (RejectedExecutionException stopping) {
            return false;
        }
    }

    /// Runs a search; false when too many are waiting already (or the server is stopping).
    boolean search(Runnable read) {
        try {
            search.execute(read);
            return true;
        } catch (RejectedExecutionException full) {
            return false;
        }
    }

    /// Stops taking work and waits a moment for reads under way, which use the store.
    @Override
    public void close() {
        history.shutdownNow();
        search.shutdownNow();
        try {
            history.awaitTermination(1, TimeUnit.SECONDS);
            search.awaitTermination(1, TimeUnit.SECONDS);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
