package dev.parley.server;

/// A token bucket per connection (`perSecond` refill, `burst` capacity), plus a second bucket
/// that counts refusals: a client that keeps sending while limited drains it and is closed.
/// Used by one connection's message thread at a time (Jetty delivers a session's messages in
/// order), so it needs no locking.
final class RateLimiter {

    enum Verdict { ALLOWED, LIMITED, ABUSIVE }

    private final double perSecond;
    private final double burst;
    private final double abuseCapacity;
    private double tokens;
    private double abuseTokens;
    private long lastNanos;

    RateLimiter(double perSecond, int burst) {
        this.perSecond = perSecond;
        this.burst = Math.max(1, burst);
        this.abuseCapacity = Math.max(20, 2.0 * this.burst);
        this.tokens = this.burst;
        this.abuseTokens = abuseCapacity;
        this.lastNanos = System.nanoTime();
    }

    Verdict take() {
        if (perSecond <= 0) {
            return Verdict.ALLOWED;
        }
        long now = System.nanoTime();
        double refill = (now - lastNanos) / 1e9 * perSecond;
        lastNanos = now;
        tokens = Math.min(burst, tokens + refill);
        abuseTokens = Math.min(abuseCapacity, abuseTokens + refill);
        if (tokens >= 1) {
            tokens -= 1;
            return Verdict.ALLOWED;
        }
        abuseTokens -= 1;
        return abuseTokens < 0 ? Verdict.ABUSIVE : Verdict.LIMITED;
    }
}
