package dev.parley.ui.notify;

import java.util.HashMap;
import java.util.Map;
import java.util.function.IntConsumer;

/// Messages not yet seen, by conversation, and their total for the window title ("(3) Parley")
/// and the taskbar badge. FX thread only.
public final class UnreadCounts {

    private final Map<String, Integer> counts = new HashMap<>();
    private final IntConsumer totalChanged;
    private int total;

    /// `totalChanged` hears the new total after every change.
    public UnreadCounts(IntConsumer totalChanged) {
        this.totalChanged = totalChanged;
    }

    public void add(String conversation) {
        counts.merge(conversation, 1, Integer::sum);
        total++;
        totalChanged.accept(total);
    }

    /// The conversation was seen: its count goes back to none.
    public void seen(String conversation) {
        var was = counts.remove(conversation);
        if (was != null) {
            total -= was;
            totalChanged.accept(total);
        }
    }

    public void clear() {
        counts.clear();
        if (total != 0) {
            total = 0;
            totalChanged.accept(0);
        }
    }

    public int of(String conversation) {
        return counts.getOrDefault(conversation, 0);
    }

    public int total() {
        return total;
    }

    /// The window title with the count in front when there is one: "(3) Parley".
    public static String title(String appTitle, int total) {
        return total <= 0 ? appTitle : "(" + total + ") " + appTitle;
    }
}
