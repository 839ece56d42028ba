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

    /// Takes one of `address`'s tries for this minute before its password is looked at: false
    /// when none is left. Checking and counting are one atomic step, so parallel handshakes
    /// cannot all pass a check made before any of them was counted. A try counts as a wrong
    /// password until [#passed] gives it back.
    boolean tryCheck(String address) {
        if (triesPerMinute <= 0) {
            return true;
        }
        long now = System.currentTimeMillis();
        var granted = new boolean[1];
        windows.compute(address, (key, old) -> {
            var window = old == null || now - old.startMillis() >= MINUTE_MS ? new Window(now, 0) : old;
            if (window.failures() >= triesPerMinute) {
                return window;
            }
            granted[0] = true;
            return new Window(window.startMillis(), window.failures() + 1);
        });
        return granted[0];
    }

    /// The password was right: the try taken by [#tryCheck] is given back.
    void passed(String address) {
        if (triesPerMinute > 0) {
            windows.computeIfPresent(address, (key, window) -> window.failures() <= 1 ? null
                    : new Window(window.startMillis(), window.failures() - 1));
        }
    }

    /// Drops finished windows; run every minute so the map cannot grow without bound.
    void sweep() {
        long now = System.currentTimeMillis();
        windows.values().removeIf(window -> now - window.startMillis() >= MINUTE_MS);
    }
}
