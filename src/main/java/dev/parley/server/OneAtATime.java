package dev.parley.server;

import java.util.ArrayDeque;
import java.util.function.Predicate;

/// One connection's searches, run one after another in the order asked on the shared search
/// lane: a member cannot fill the lane, and its answers come in the order of its questions (the
/// client pairs them so). At most `maxWaiting` wait behind the one that runs; more are refused.
final class OneAtATime {

    /// `work` runs on the lane; `busy` answers instead when the lane has no room for it.
    record Turn(Runnable work, Runnable busy) {}

    private final int maxWaiting;
    private final Predicate<Runnable> lane;
    private final ArrayDeque<Turn> waiting = new ArrayDeque<>();  // guarded by this
    private boolean running;                                      // guarded by this

    /// `lane` runs a task, or says false when it cannot take it.
    OneAtATime(int maxWaiting, Predicate<Runnable> lane) {
        this.maxWaiting = maxWaiting;
        this.lane = lane;
    }

    /// False when `maxWaiting` turns are waiting already: the caller answers `too_busy`.
    boolean offer(Turn turn) {
        synchronized (this) {
            if (running) {
                if (waiting.size() >= maxWaiting) {
                    return false;
                }
                waiting.add(turn);
                return true;
            }
            running = true;
        }
        start(turn);
        return true;
    }

    private void start(Turn first) {
        for (var turn = first; turn != null; turn = next()) {
            var current = turn;
            if (lane.test(() -> run(current))) {
                return;
            }
            current.busy().run();
        }
    }

    private void run(Turn turn) {
        try {
            turn.work().run();
        } finally {
            var next = next();
            if (next != null) {
                start(next);
            }
        }
    }

    private synchronized Turn next() {
        var next = waiting.poll();
        running = next != null;
        return next;
    }
}
