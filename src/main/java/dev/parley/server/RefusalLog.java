package dev.parley.server;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/// Refused connections and requests, summarised per address so that nobody can grow the log at
/// will: the first refusal of an address in a minute is logged as is, the rest are counted and
/// told in one line ("N more refusals from ADDR in the last minute") when the minute is over.
/// Beyond [#MAX_ADDRESSES] addresses at once, further ones share a single count.
final class RefusalLog {

    static final int MAX_ADDRESSES = 1024;
    private static final long WINDOW_NANOS = TimeUnit.MINUTES.toNanos(1);
    private static final String OTHERS = "other addresses";

    private static final class Window {
        final long startNanos;
        int more;
        String lastReason;

        Window(long startNanos) {
            this.startNanos = startNanos;
        }
    }

    private final ServerLog log;
    private final LongSupplier nanos;
    private final Map<String, Window> windows = new HashMap<>();

    RefusalLog(ServerLog log, LongSupplier nanos) {
        this.log = log;
        this.nanos = nanos;
    }

    RefusalLog(ServerLog log) {
        this(log, System::nanoTime);
    }

    /// Logs `refused … from ADDRESS: reason`, or counts it when this address was logged this minute.
    void refused(String address, String reason) {
        var lines = new ArrayList<String>(2);
        synchronized (this) {
            long now = nanos.getAsLong();
            var key = windows.size() >= MAX_ADDRESSES && !windows.containsKey(address) ? OTHERS : address;
            var window = windows.get(key);
            if (window != null && now - window.startNanos >= WINDOW_NANOS) {
                summarise(key, windows.remove(key), lines);
                window = null;
            }
            if (window == null) {
                windows.put(key, new Window(now));
                lines.add("refused a connection from " + key + ": " + reason);
            } else {
                window.more++;
                window.lastReason = reason;
            }
        }
        lines.forEach(log::log);
    }

    /// Tells and forgets the minutes that are over; the server runs it every few seconds.
    void sweep() {
        var lines = new ArrayList<String>();
        synchronized (this) {
            long now = nanos.getAsLong();
            var finished = windows.entrySet().iterator();
            while (finished.hasNext()) {
                var entry = finished.next();
                if (now - entry.getValue().startNanos >= WINDOW_NANOS) {
                    finished.remove();
                    summarise(entry.getKey(), entry.getValue(), lines);
                }
            }
        }
        lines.forEach(log::log);
    }

    private static void summarise(String address, Window window, List<String> lines) {
        if (window.more > 0) {
            lines.add(window.more + " more refusal" + (window.more == 1 ? "" : "s") + " from " + address
                    + " in the last minute (last: " + window.lastReason + ")");
        }
    }
}
