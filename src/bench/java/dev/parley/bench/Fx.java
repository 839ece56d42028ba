package dev.parley.bench;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javafx.application.Platform;

/// The JavaFX runtime for a benchmark: started once per JVM (or found running, when TestFX
/// started it first in a test JVM), reads and writes on the FX thread, bounded waits.
final class Fx {

    private static final long CALL_SECONDS = 30;

    private Fx() {}

    /// Starts the platform unless it runs already; closing the last window must not stop it
    /// (other windows, or other tests in the same JVM, may come after).
    static void start() throws InterruptedException {
        var started = new CountDownLatch(1);
        try {
            Platform.startup(started::countDown);
        } catch (IllegalStateException alreadyRunning) {
            started.countDown();
        }
        if (!started.await(CALL_SECONDS, TimeUnit.SECONDS)) {
            throw new IllegalStateException("JavaFX did not start in " + CALL_SECONDS + " s");
        }
        Platform.setImplicitExit(false);
    }

    /// Runs `work` on the FX thread and waits (bounded) for its result.
    static <T> T call(Callable<T> work) {
        var task = new FutureTask<>(work);
        Platform.runLater(task);
        try {
            return task.get(CALL_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (Exception e) {
            throw new IllegalStateException("on the FX thread: " + e, e);
        }
    }

    static void run(Runnable work) {
        call(() -> { work.run(); return null; });
    }

    /// Polls `condition` on the FX thread every 50 ms; false when `max` passed first.
    static boolean until(Duration max, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + max.toNanos();
        while (System.nanoTime() < deadline) {
            if (call(condition::getAsBoolean)) {
                return true;
            }
            Thread.sleep(50);
        }
        return call(condition::getAsBoolean);
    }
}
