package dev.parley.server.history;

import java.time.Duration;

/// When a history read or a search must give up, on the [System#nanoTime] clock. It starts when
/// the request arrives, so time spent waiting for a free reader counts too.
public final class Deadline {

    /// No limit: tests, and stores used outside a server.
    public static final Deadline NONE = new Deadline(0, false);

    private final long at;
    private final boolean limited;

    private Deadline(long at, boolean limited) {
        this.at = at;
        this.limited = limited;
    }

    public static Deadline after(Duration budget) {
        return new Deadline(System.nanoTime() + budget.toNanos(), true);
    }

    public boolean passed() {
        return limited && System.nanoTime() - at >= 0;
    }

    /// Throws [HistoryStore.OverBudget] once the deadline has passed.
    public void check() {
        if (passed()) {
            throw new HistoryStore.OverBudget();
        }
    }
}
