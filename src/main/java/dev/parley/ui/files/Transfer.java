package dev.parley.ui.files;

import dev.parley.client.FileTransfers;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/// One upload or download as the window shows it: its state, progress and speed, why it failed,
/// and Cancel / Retry. The bytes move on a virtual thread of its own (an interrupt cancels the
/// HTTP exchange); every report reaches the properties through `fx` (the FX thread in the app),
/// at most one hand-off in flight, so a fast transfer does not flood the FX thread.
public final class Transfer {

    public enum Direction { UPLOAD, DOWNLOAD }

    /// WAITING: for a connection to the server (an upload needs one); the others as named.
    public enum State { WAITING, RUNNING, DONE, FAILED, CANCELLED }

    /// What a run of the work reports besides the bytes moved.
    public interface Reporter extends FileTransfers.Progress {
        /// The work waits for something outside it (a connection), not for bytes.
        void waiting();
    }

    /// The blocking work of one attempt; returns the file it produced (a download) or null.
    /// Called again from the start on Retry: it continues where the last attempt stopped.
    @FunctionalInterface
    public interface Work {
        Path run(Reporter reporter) throws Exception;
    }

    private final String name;
    private final Direction direction;
    private final Work work;
    private final Executor fx;
    private final LongSupplier nanos;
    private final ReadOnlyObjectWrapper<State> state = new ReadOnlyObjectWrapper<>(State.RUNNING);
    private final ReadOnlyLongWrapper done = new ReadOnlyLongWrapper();
    private final ReadOnlyLongWrapper total = new ReadOnlyLongWrapper(-1);
    private final ReadOnlyDoubleWrapper speed = new ReadOnlyDoubleWrapper();
    private final ReadOnlyStringWrapper failure = new ReadOnlyStringWrapper();
    private final ReadOnlyObjectWrapper<Path> result = new ReadOnlyObjectWrapper<>();
    // Written by the transferring thread, read by the hand-off.
    private final AtomicLong movedNow = new AtomicLong();
    private final AtomicLong totalNow = new AtomicLong(-1);
    private final AtomicBoolean handOffQueued = new AtomicBoolean();
    private volatile int attempt;
    private volatile Thread thread;
    private long sampleNanos;
    private long sampleBytes;

    public Transfer(String name, Direction direction, Work work, Executor fx) {
        this(name, direction, work, fx, System::nanoTime);
    }

    Transfer(String name, Direction direction, Work work, Executor fx, LongSupplier nanos) {
        this.name = name;
        this.direction = direction;
        this.work = work;
        this.fx = fx;
        this.nanos = nanos;
    }

    /// Starts the first attempt; FX thread.
    public Transfer start() {
        int run = ++attempt;
        state.set(State.RUNNING);
        failure.set(null);
        sampleNanos = nanos.getAsLong();
        sampleBytes = done.get();
        speed.set(0);
        // Set before it runs: its first report may already lead to a cancel.
        thread = Thread.ofVirtual().name("parley-" + direction.name().toLowerCase(java.util.Locale.ROOT) + "-" + name)
                .unstarted(() -> attempt(run));
        thread.start();
        return this;
    }

    /// Stops the transfer; what was moved stays, so a Retry continues from there.
    public void cancel() {
        if (state.get() == State.RUNNING || state.get() == State.WAITING) {
            attempt++; // whatever the stopped attempt still reports is stale
            state.set(State.CANCELLED);
            speed.set(0);
            thread.interrupt();
        }
    }

    /// Tries again after a failure or a cancel.
    public void retry() {
        if (state.get() == State.FAILED || state.get() == State.CANCELLED) {
            start();
        }
    }

    private void attempt(int run) {
        var reporter = new Reporter() {
            @Override
            public void moved(long bytes, long of) {
                movedNow.set(bytes);
                totalNow.set(of);
                if (!handOffQueued.getAndSet(true)) {
                    fx.execute(() -> publish(run));
                }
            }

            @Override
            public void waiting() {
                fx.execute(() -> { if (run == attempt) { state.set(State.WAITING); speed.set(0); } });
            }
        };
        try {
            var produced = work.run(reporter);
            fx.execute(() -> {
                if (run == attempt) {
                    publish(run);
                    result.set(produced);
                    speed.set(0);
                    state.set(State.DONE);
                }
            });
        } catch (InterruptedException cancelled) {
            // cancel() has set the state already.
        } catch (Exception failed) {
            var reason = reason(failed);
            fx.execute(() -> {
                if (run == attempt) {
                    failure.set(reason);
                    speed.set(0);
                    state.set(State.FAILED);
                }
            });
        }
    }

    private void publish(int run) {
        handOffQueued.set(false);
        if (run != attempt) {
            return;
        }
        if (state.get() == State.WAITING) {
            state.set(State.RUNNING);
        }
        long bytes = movedNow.get();
        total.set(totalNow.get());
        done.set(bytes);
        long now = nanos.getAsLong();
        // A rate over the last second or so: steady to read, quick to follow a change.
        if (now - sampleNanos >= 500_000_000L) {
            speed.set(Math.max(0, bytes - sampleBytes) * 1e9 / (now - sampleNanos));
            sampleNanos = now;
            sampleBytes = bytes;
        }
    }

    /// Why a transfer failed, in words a user can act on.
    static String reason(Throwable failed) {
        if (failed instanceof FileTransfers.RefusedException refused) {
            return switch (refused.status()) {
                case 413 -> "the file is larger than the server accepts";
                case 507 -> "the server has no room left for files";
                case 422 -> "the file changed while it was sent";
                case 404, 410 -> "the server no longer has this file";
                default -> refused.getMessage();
            };
        }
        if (failed instanceof NoSuchFileException missing) {
            return "no such file: " + missing.getFile();
        }
        if (failed instanceof java.nio.file.AccessDeniedException denied) {
            return "not allowed: " + denied.getFile();
        }
        if (failed instanceof java.net.ConnectException) {
            return "the server cannot be reached";
        }
        if (failed instanceof java.io.UncheckedIOException unchecked) {
            return reason(unchecked.getCause());
        }
        var message = failed.getMessage();
        return message == null || message.isBlank() ? failed.getClass().getSimpleName()
                : failed instanceof IOException ? message : failed.getClass().getSimpleName() + ": " + message;
    }

    public String name() { return name; }

    public Direction direction() { return direction; }

    public ReadOnlyObjectProperty<State> stateProperty() { return state.getReadOnlyProperty(); }

    /// Bytes moved so far.
    public ReadOnlyLongProperty doneProperty() { return done.getReadOnlyProperty(); }

    /// The whole size, -1 until known.
    public ReadOnlyLongProperty totalProperty() { return total.getReadOnlyProperty(); }

    /// Bytes a second lately; 0 when not moving.
    public ReadOnlyDoubleProperty speedProperty() { return speed.getReadOnlyProperty(); }

    /// Why the last attempt failed; null unless FAILED.
    public ReadOnlyStringProperty failureProperty() { return failure.getReadOnlyProperty(); }

    /// The file a finished download produced.
    public ReadOnlyObjectProperty<Path> resultProperty() { return result.getReadOnlyProperty(); }
}
