package dev.parley.server;

import java.util.concurrent.ConcurrentHashMap;

/// Counts wrong passwords per address in one-minute windows. After `triesPerMinute` wrong
/// tries an address is refused without its password being looked at until the window ends.
/// 0 tries switches the throttle off.
final class AuthThrottle {

    private record Window(long startMillis, int failures) {}

    private static final long MINUTE_MS = 60_000;

    private final int triesPerMinute;
    private final ConcurrentHashMap<String, Window> windows = new ConcurrentHashMap<>();

    AuthThrottle(int triesPerMinute) {
        this.triesPerMinute = triesPerMinute;
    }

    boolean blocked(String address) {
        if (triesPerMinute <= 0) {
            return false;
        }
        var window = windows.get(address);
        return window != null && System.currentTimeMillis() - window.startMillis() < MINUTE_MS
                && window.failures() >= triesPerMinute;
    }

    void failed(String address) {
        long now = System.currentTimeMillis();
        windows.merge(address, new Window(now, 1), (old, one) ->
                now - old.startMillis() >= MINUTE_MS ? one : new Window(old.startMillis(), old.failures() + 1));
    }

    /// Drops finished windows; run every minute so the map cannot grow without bound.
    void sweep() {
        long now = System.currentTimeMillis();
        windows.values().removeIf(window -> now - window.startMillis() >= MINUTE_MS);
    }
}
