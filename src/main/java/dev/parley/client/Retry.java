package dev.parley.client;

import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/// When to try again after a connection ended: never for a reason retrying cannot fix
/// ([Failures#isFinal]), otherwise after the next [Backoff] wait. Loop thread only.
final class Retry {

    private final ScheduledExecutorService loop;
    private final Runnable attempt;
    private final Backoff backoff;
    private ScheduledFuture<?> timer;
    private boolean everConnected;

    Retry(ClientConfig config, ScheduledExecutorService loop, Runnable attempt) {
        this.loop = loop;
        this.attempt = attempt;
        this.backoff = new Backoff(config.minBackoff(), config.maxBackoff(), () -> ThreadLocalRandom.current().nextDouble());
    }

    /// A connection was greeted: the next loss starts again from the shortest wait.
    void connected() {
        everConnected = true;
        backoff.reset();
    }

    /// Schedules the next attempt and returns its wait, or returns null when `reason` is final.
    Duration afterLoss(DisconnectReason reason) {
        if (Failures.isFinal(reason, everConnected)) {
            return null;
        }
        var wait = backoff.next();
        timer = loop.schedule(() -> {
            timer = null;
            attempt.run();
        }, wait.toMillis(), TimeUnit.MILLISECONDS);
        return wait;
    }

    boolean waiting() {
        return timer != null;
    }

    void cancel() {
        if (timer != null) {
            timer.cancel(false);
            timer = null;
        }
    }
}
