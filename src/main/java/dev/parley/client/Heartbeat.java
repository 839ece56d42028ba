package dev.parley.client;

import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/// Pings the server every `interval` and declares it dead when nothing at all (no pong, no
/// frame) came back for two intervals plus a grace period: a half-open TCP connection (a
/// sleeping laptop, a pulled cable) otherwise looks alive for minutes. Loop thread only.
final class Heartbeat {

    /// Slack on top of two ping intervals before a silent server counts as dead.
    static final Duration GRACE = Duration.ofSeconds(3);

    interface Target {
        /// Sends one ping; `sentNanos` comes back in the pong.
        void ping(long sentNanos);

        /// Nothing came back in time.
        void dead(Duration silence);
    }

    private final ScheduledExecutorService loop;
    private final Duration interval;
    private final Target target;
    private ScheduledFuture<?> task;
    private long lastHeardNanos;

    Heartbeat(ScheduledExecutorService loop, Duration interval, Target target) {
        this.loop = loop;
        this.interval = interval;
        this.target = target;
    }

    /// Milliseconds since the first ping as `t`: a double the server echoes unchanged.
    static double stamp(long nanos) {
        return nanos / 1_000_000.0;
    }

    static Duration roundTrip(double t, long nowNanos) {
        return Duration.ofNanos(Math.max(0, nowNanos - (long) (t * 1_000_000.0)));
    }

    Duration deadAfter() {
        return interval.multipliedBy(2).plus(GRACE);
    }

    void start() {
        stop();
        heard();
        long period = Math.max(10, interval.toMillis());
        task = loop.scheduleAtFixedRate(this::tick, period, period, TimeUnit.MILLISECONDS);
    }

    void stop() {
        if (task != null) {
            task.cancel(false);
            task = null;
        }
    }

    /// Any frame from the server proves it alive.
    void heard() {
        lastHeardNanos = System.nanoTime();
    }

    private void tick() {
        long now = System.nanoTime();
        var silence = Duration.ofNanos(now - lastHeardNanos);
        if (silence.compareTo(deadAfter()) > 0) {
            stop();
            target.dead(silence);
            return;
        }
        target.ping(now);
    }
}
