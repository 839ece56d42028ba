package dev.parley.ui;

import java.util.function.LongSupplier;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;

/// What the log list shows of one room's lines: always a leading part of them. New lines at the
/// end wait for [#catchUp], which takes them at most once per interval; every other change (a
/// line turned to sent or failed, old lines dropped, history put in front) shows at once.
///
/// Why: each time the list's length changes, JavaFX's `VirtualFlow` does work in proportion to
/// all the lines (its size estimates) and redraws every visible cell. Under a flood, taking new
/// lines a few times a second instead of at every pulse keeps the FX thread free to paint.
/// The interval stretches when taking lines makes pulses slow (a JIT not warm yet, a busy
/// machine): it is [#SPACING] times how long the last catch-up's pulse took, so the list's work
/// stays about a third of the FX thread's time instead of filling every pulse, which made pulses
/// of 90–150 ms follow each other for seconds after a flood began.
/// FX thread only.
final class ShownLines {

    /// New lines show at most this often (10 a second): under a flood, the cost of the list
    /// follows this rate, not that of the messages; a quiet room shows a line at the next pulse.
    /// Under the 2,000/s window flood, 20 a second kept the FX thread busy 15–18 % of the time,
    /// 10 a second 11–14 %, and pulse gaps over 50 ms fell from a median of 2.5 a run to 1 (16
    /// and 10 runs; line lag p99 107–204 → 111–172 ms).
    static final long INTERVAL_NANOS = 100_000_000;

    /// The wait after a catch-up is at least this many times how long its pulse took (from the
    /// catch-up to the next call, which comes with the next pulse)…
    static final int SPACING = 3;

    /// …and at most this, so a flood's lines never wait longer.
    static final long MAX_INTERVAL_NANOS = 400_000_000;

    private final ObservableList<LogLine> shown = FXCollections.observableArrayList();
    private final ListChangeListener<LogLine> onChange = this::changed;
    private final Runnable waiting;
    private final LongSupplier nanos;
    private ObservableList<LogLine> source = FXCollections.observableArrayList();
    private long lastCatchUp;
    private boolean caughtUpOnce;
    /// True from a catch-up until the next call, which measures how long its pulse took.
    private boolean timing;
    private long interval = INTERVAL_NANOS;

    /// `waiting` runs when new lines wait for a [#catchUp] (the pane asks for a pulse).
    ShownLines(Runnable waiting, LongSupplier nanos) {
        this.waiting = waiting;
        this.nanos = nanos;
    }

    /// The list to show; its items change only on the FX thread, as the source's do.
    ObservableList<LogLine> list() {
        return shown;
    }

    /// Shows `lines` (another room), all of them at once.
    void follow(ObservableList<LogLine> lines) {
        source.removeListener(onChange);
        source = lines;
        lines.addListener(onChange);
        shown.setAll(lines);
    }

    /// True when new lines wait to be shown.
    boolean behind() {
        return shown.size() < source.size();
    }

    /// Shows the waiting lines if the interval passed since the last time; otherwise asks again
    /// ([#waiting]). Returns whether lines were added. Called once a pulse, before its layout.
    boolean catchUp() {
        long now = nanos.getAsLong();
        if (timing) {
            timing = false;
            interval = Math.clamp(SPACING * (now - lastCatchUp), INTERVAL_NANOS, MAX_INTERVAL_NANOS);
        }
        if (!behind()) {
            return false;
        }
        if (caughtUpOnce && now - lastCatchUp < interval) {
            waiting.run();
            return false;
        }
        caughtUpOnce = true;
        timing = true;
        lastCatchUp = now;
        shown.addAll(source.subList(shown.size(), source.size()));
        return true;
    }

    /// The least time between two catch-ups now (nanoseconds).
    long interval() {
        return interval;
    }

    /// Keeps `shown` a leading part of `source`: a change within that part is made to `shown`
    /// too; one past its end (new lines) waits for [#catchUp].
    private void changed(ListChangeListener.Change<? extends LogLine> change) {
        while (change.next()) {
            int from = change.getFrom();
            int removed = change.wasRemoved() ? change.getRemovedSize() : 0;
            int added = change.wasAdded() ? change.getAddedSize() : 0;
            if (change.wasPermutated()) {
                shown.setAll(source);
                return;
            }
            if (from >= shown.size()) {
                continue;
            }
            if (removed == added && from + removed <= shown.size()) {
                for (int i = from; i < from + added; i++) {
                    shown.set(i, source.get(i));
                }
            } else {
                if (removed > 0) {
                    shown.remove(from, Math.min(from + removed, shown.size()));
                }
                shown.addAll(from, change.getAddedSubList());
            }
        }
        if (behind()) {
            waiting.run();
        }
    }
}
