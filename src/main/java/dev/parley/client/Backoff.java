package dev.parley.client;

import java.time.Duration;
import java.util.function.DoubleSupplier;

/// Exponential backoff with "equal jitter": attempt `n` (0-based) waits between half and all of
/// `min · 2ⁿ⁺¹`, capped at `max`, and never less than `min`. Jitter spreads the reconnects of many
/// clients after a server restart so they do not all arrive in the same millisecond — the first
/// attempt too (between `min` and twice it), since a restart drops everybody at once. Public for
/// load tools that must reconnect as the real client does.
public final class Backoff {

    private final long minMillis;
    private final long maxMillis;
    private final DoubleSupplier random;
    private int attempt;

    public Backoff(Duration min, Duration max, DoubleSupplier random) {
        if (min.isNegative() || min.isZero() || max.compareTo(min) < 0) {
            throw new IllegalArgumentException("backoff needs 0 < min <= max, got " + min + " and " + max);
        }
        this.minMillis = min.toMillis();
        this.maxMillis = max.toMillis();
        this.random = random;
    }

    /// The wait before attempt `attempt` for a random draw `r` in [0, 1).
    public static Duration delay(Duration min, Duration max, int attempt, double r) {
        long minMillis = min.toMillis();
        long maxMillis = max.toMillis();
        // Shift at most 30 places: past that the ceiling is max anyway and longs would overflow.
        long ceiling = Math.min(maxMillis, minMillis << Math.min(attempt + 1L, 30));
        if (ceiling < 0) {
            ceiling = maxMillis;
        }
        long half = ceiling / 2;
        long wait = half + (long) (r * (ceiling - half));
        return Duration.ofMillis(Math.max(minMillis, Math.min(maxMillis, wait)));
    }

    /// The wait before the next attempt; each call counts one more attempt.
    public Duration next() {
        var wait = delay(Duration.ofMillis(minMillis), Duration.ofMillis(maxMillis), attempt, random.getAsDouble());
        attempt = attempt == Integer.MAX_VALUE ? attempt : attempt + 1;
        return wait;
    }

    /// After a successful connection the next loss starts again from `min`.
    public void reset() {
        attempt = 0;
    }

    int attempts() {
        return attempt;
    }
}
