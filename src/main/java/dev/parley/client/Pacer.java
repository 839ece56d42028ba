package dev.parley.client;

/// A token bucket that keeps a client under the server's advertised `messagesPerSecond`: the
/// server counts every frame and drops those over its limit with `rate_limited` (without saying
/// which), so a burst of resent messages after a reconnect is spread out here instead.
final class Pacer {

    private double perSecond;
    private double burst;
    private double tokens;
    private long lastNanos;

    /// `perSecond` <= 0 means unlimited.
    Pacer(double perSecond, long nowNanos) {
        lastNanos = nowNanos;
        setRate(perSecond);
        tokens = burst;
    }

    /// The rate from the server's `welcome`, with a margin: the server's bucket is refilled by
    /// its own clock when a frame *arrives*, so a client exactly at the rate gets limited by
    /// network jitter. 80 % of the rate and half a second's burst (the server's own burst is not
    /// advertised; its default is two seconds' worth).
    void setRate(double value) {
        perSecond = value * 0.8;
        burst = Math.max(1, Math.floor(value / 2));
        tokens = Math.min(tokens, burst);
    }

    /// 0 when one frame may go now (it is counted); otherwise how many nanoseconds to wait.
    long take(long nowNanos) {
        if (perSecond <= 0) {
            return 0;
        }
        tokens = Math.min(burst, tokens + (nowNanos - lastNanos) / 1e9 * perSecond);
        lastNanos = nowNanos;
        if (tokens >= 1) {
            tokens -= 1;
            return 0;
        }
        return (long) Math.ceil((1 - tokens) / perSecond * 1e9);
    }
}
