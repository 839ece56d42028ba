package dev.parley.server;

import java.util.ArrayDeque;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.websocket.core.CoreSession;
import org.eclipse.jetty.websocket.core.Frame;
import org.eclipse.jetty.websocket.core.OpCode;

/// The outbound queue of one connection: one send in flight, the rest queued here and bounded
/// by `maxBytes`. A reader that falls further behind is reported to `onOverflow` (which closes
/// it) instead of making anybody wait. When frames pile up, up to [#MAX_BATCH] of them go to
/// Jetty as one batch (one socket write) ahead of the awaited one. Callbacks that complete on
/// the sending thread are trampolined (the `phase` hand-off) so a long queue never deepens the
/// stack.
final class Outbox implements Callback {

    private static final int IDLE = 0;
    private static final int BUSY = 1;
    private static final int SENDING = 2;
    private static final int RETURNED = 3;
    private static final int DONE = 4;

    /// Frames handed to Jetty's flusher without waiting, before one that is waited for.
    static final int MAX_BATCH = 32;

    private record Close(int code, String reason) {}

    /// Frames decided only when their turn to be sent comes (a member's presence: whatever
    /// changed since it was last told). They are not counted against `maxBytes`: what they
    /// become is bounded by their producer, and a member is never closed as slow for them.
    interface Deferred {
        List<Outgoing> frames();
    }

    private final CoreSession core;
    private final long maxBytes;
    private final Metrics metrics;
    private final Runnable onOverflow;
    private final Runnable onDrained;
    private final ConcurrentLinkedQueue<Object> queue = new ConcurrentLinkedQueue<>();
    private final AtomicLong queuedBytes = new AtomicLong();
    private final AtomicInteger phase = new AtomicInteger(IDLE);
    /// The frames of the [Deferred] being sent; only the thread that holds the BUSY phase uses it.
    private final ArrayDeque<Outgoing> unfolded = new ArrayDeque<>();
    private volatile boolean closed;
    private final Callback batched = new Callback() {
        @Override
        public void succeeded() {
            metrics.sent();
        }

        @Override
        public void failed(Throwable cause) {
            Outbox.this.failedQuietly();
        }
    };

    /// `onDrained` hears of a send that completed only after waiting (the socket had been full and
    /// the peer read some of it): proof of life from a peer whose pongs are still queued behind
    /// what it has to read.
    Outbox(CoreSession core, long maxBytes, Metrics metrics, Runnable onOverflow, Runnable onDrained) {
        this.core = core;
        this.maxBytes = maxBytes;
        this.metrics = metrics;
        this.onOverflow = onOverflow;
        this.onDrained = onDrained;
    }

    /// Queues a frame and sends it; false when this connection is closing or just overflowed.
    boolean offer(Outgoing frame) {
        if (!enqueue(frame)) {
            return false;
        }
        pump();
        return true;
    }

    /// Queues a frame without sending it: [#flush] sends everything queued in one socket write
    /// (what uWebSockets calls corking). A broadcast of several messages queues them all to every
    /// member first, then flushes each member once.
    boolean enqueue(Outgoing frame) {
        if (closed) {
            return false;
        }
        if (queuedBytes.addAndGet(frame.size()) > maxBytes) {
            closed = true;
            queue.clear();
            onOverflow.run();
            return false;
        }
        queue.add(frame);
        return true;
    }

    /// Queues `deferred` (uncounted) and sends; false when this connection is closing.
    boolean defer(Deferred deferred) {
        if (closed) {
            return false;
        }
        queue.add(deferred);
        pump();
        return true;
    }

    /// Sends what [#enqueue] left queued (nothing to do when a send is already under way: its
    /// completion carries on with the queue).
    void flush() {
        pump();
    }

    /// Sends what is queued, then closes with `code`; later offers are dropped.
    void closeAfterFlush(int code, String reason) {
        if (closed) {
            return;
        }
        closed = true;
        queue.add(new Close(code, reason));
        pump();
    }

    boolean isClosed() {
        return closed;
    }

    long queuedBytes() {
        return queuedBytes.get();
    }

    /// Entries waiting to be sent, frames and deferred ones alike (tests; counts the queue).
    int waiting() {
        return queue.size();
    }

    private void pump() {
        if (phase.compareAndSet(IDLE, BUSY)) {
            run();
        }
    }

    private void run() {
        int inBatch = 0;
        while (true) {
            boolean counted = unfolded.isEmpty();
            Object next = counted ? queue.poll() : unfolded.poll();
            if (next instanceof Deferred deferred) {
                unfolded.addAll(deferred.frames());
                continue;
            }
            if (next == null) {
                phase.set(IDLE);
                if (queue.isEmpty() || !phase.compareAndSet(IDLE, BUSY)) {
                    return;
                }
                continue;
            }
            if (next instanceof Close(var code, var reason)) {
                // Stays BUSY: nothing is sent after the close frame.
                core.close(code, reason, Callback.NOOP);
                return;
            }
            var frame = (Outgoing) next;
            if (counted) {
                queuedBytes.addAndGet(-frame.size());
            }
            if (inBatch < MAX_BATCH && (!unfolded.isEmpty() || queue.peek() instanceof Outgoing)) {
                inBatch++;
                try {
                    core.sendFrame(new Frame(OpCode.TEXT, frame.payload()), batched, true);
                } catch (RuntimeException refused) {
                    failedQuietly();
                }
                continue;
            }
            inBatch = 0;
            phase.set(SENDING);
            try {
                core.sendFrame(new Frame(OpCode.TEXT, frame.payload()), this, false);
            } catch (RuntimeException refused) {
                metrics.sendFailed();
                phase.set(BUSY);
                continue;
            }
            if (phase.compareAndSet(SENDING, RETURNED)) {
                return; // the callback carries on
            }
            phase.set(BUSY); // completed on this thread: carry on here
        }
    }

    @Override
    public void succeeded() {
        metrics.sent();
        if (phase.get() == RETURNED) {
            onDrained.run();
        }
        resume();
    }

    @Override
    public void failed(Throwable cause) {
        failedQuietly();
        resume();
    }

    private void failedQuietly() {
        metrics.sendFailed();
        closed = true;
        queue.clear();
    }

    private void resume() {
        if (phase.compareAndSet(SENDING, DONE)) {
            return;
        }
        phase.set(BUSY);
        run();
    }
}
