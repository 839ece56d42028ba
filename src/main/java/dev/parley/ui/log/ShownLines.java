package dev.parley.ui.log;

import java.util.function.LongSupplier;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;

/// What the log list shows of one room's lines: a contiguous part of them. New lines at the end
/// wait for [#catchUp], which takes them at most once per interval; every other change (a line
/// turned to sent or failed, old lines dropped, history put in front) shows at once.
///
/// Why: each time the list's length changes, JavaFX's `VirtualFlow` does work in proportion to
/// all the lines it holds (it walks its cached line heights from the first line, several times
/// a layout) and redraws every visible cell. Two things keep that small under a flood:
/// - New lines are taken a few times a second instead of at every pulse. The interval
///   stretches when taking lines makes pulses slow (a JIT not warm yet, a busy machine): it is
///   [#SPACING] times how long the last catch-up's pulse took, so the list's work stays about a
///   third of the FX thread's time instead of filling every pulse, which made long pulses
///   follow each other for seconds after a flood began.
/// - While the log follows its end, the list holds only the newest [#WINDOW] lines (up to half
///   as many again before it drops the oldest): the walks then cost the same after 130,000 lines
///   as after 5,000. Scrolling to the top of the list puts older lines in front ([#older]), as
///   many as it holds, so the first line of a room is a few jumps away, as in the chat apps that
///   load history while one scrolls up; the room's lines all stay in the view model.
/// FX thread only.
final class ShownLines {

    /// New lines show at most this often (10 a second): under a flood, the cost of the list
    /// follows this rate, not that of the messages; a quiet room shows a line at the next pulse.
    /// Ten a second rather than more: under the window flood it left the FX thread less busy and
    /// fewer long pulses at no cost in how late a line shows (src/bench/README.md).
    static final long INTERVAL_NANOS = 100_000_000;

    /// The wait after a catch-up is at least this many times how long its pulse took (from the
    /// catch-up to the next call, which comes with the next pulse)…
    static final int SPACING = 3;

    /// …and at most this, so a flood's lines never wait longer.
    static final long MAX_INTERVAL_NANOS = 400_000_000;

    /// Lines the list keeps while it follows the end of a room.
    static final int WINDOW = 5_000;

    private final ObservableList<LogLine> shown = new LineList();
    private final ListChangeListener<LogLine> onChange = this::changed;
    private final Runnable waiting;
    private final LongSupplier nanos;
    private final int window;
    private ObservableList<LogLine> source = FXCollections.observableArrayList();
    /// Where the shown lines begin in `source`.
    private int start;
    private long lastCatchUp;
    private boolean caughtUpOnce;
    /// True from a catch-up until the next call, which measures how long its pulse took.
    private boolean timing;
    private long interval = INTERVAL_NANOS;

    /// `waiting` runs when new lines wait for a [#catchUp] (the pane asks for a pulse).
    ShownLines(Runnable waiting, LongSupplier nanos) {
        this(waiting, nanos, WINDOW);
    }

    ShownLines(Runnable waiting, LongSupplier nanos, int window) {
        this.waiting = waiting;
        this.nanos = nanos;
        this.window = window;
    }

    /// The list to show; its items change only on the FX thread, as the source's do.
    ObservableList<LogLine> list() {
        return shown;
    }

    /// Shows `lines` (another room) at once: the newest [#WINDOW] of them.
    void follow(ObservableList<LogLine> lines) {
        source.removeListener(onChange);
        source = lines;
        lines.addListener(onChange);
        start = Math.max(0, lines.size() - window);
        shown.setAll(lines.subList(start, lines.size()));
    }

    /// True when new lines wait to be shown.
    boolean behind() {
        return end() < source.size();
    }

    /// True when the room has lines before the shown ones.
    boolean hasOlder() {
        return start > 0;
    }

    /// Puts older lines in front of the shown ones: as many as are shown (at least [#WINDOW]),
    /// so that each call doubles what the list holds. Returns how many.
    int older() {
        int count = Math.min(start, Math.max(window, shown.size()));
        if (count > 0) {
            start -= count;
            shown.addAll(0, source.subList(start, start + count));
        }
        return count;
    }

    /// Makes the line at `index` of the room's lines shown (older ones put in front, waiting ones
    /// taken now) and returns where it is in [#list]; -1 when the room has no such line.
    int reveal(int index) {
        if (index < 0 || index >= source.size()) {
            return -1;
        }
        while (index < start && older() > 0) {
            // each call doubles what the list holds: a few at most
        }
        if (index >= end()) {
            shown.addAll(source.subList(end(), source.size()));
        }
        return index - start;
    }

    private int end() {
        return start + shown.size();
    }

    /// Shows the waiting lines if the interval passed since the last time; otherwise asks again
    /// ([#waiting]). While `following` the end, drops the oldest shown lines once more than half
    /// a [#WINDOW] too many. Returns whether lines were added. Called once a pulse, before its
    /// layout.
    boolean catchUp(boolean following) {
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
        int waitingLines = source.size() - end();
        if (following && shown.size() + waitingLines > window + window / 2) {
            int drop = Math.min(shown.size(), shown.size() + waitingLines - window);
            shown.remove(0, drop);
            start += drop;
        }
        shown.addAll(source.subList(end(), source.size()));
        return true;
    }

    /// The least time between two catch-ups now (nanoseconds).
    long interval() {
        return interval;
    }

    /// Keeps `shown` the same part of `source`: a change among the shown lines is made to
    /// `shown` too; lines removed before them move them up, lines put before them wait for
    /// [#older]; one past their end (new lines) waits for [#catchUp].
    private void changed(ListChangeListener.Change<? extends LogLine> change) {
        while (change.next()) {
            if (change.wasPermutated()) {
                start = Math.min(start, source.size());
                shown.setAll(source.subList(start, source.size()));
                return;
            }
            int from = change.getFrom();
            int removed = change.wasRemoved() ? change.getRemovedSize() : 0;
            int added = change.wasAdded() ? change.getAddedSize() : 0;
            int end = end();
            if (from >= end) {
                continue;
            }
            if (removed == added && from >= start && from + removed <= end) {
                for (int i = from; i < from + added; i++) {
                    shown.set(i - start, source.get(i));
                }
                continue;
            }
            int first = Math.max(from, start);
            int last = Math.min(from + removed, end);
            if (last > first) {
                shown.remove(first - start, last - start);
            }
            start -= Math.max(0, Math.min(from + removed, start) - from);
            if (added > 0) {
                if (from < start) {
                    start += added;
                } else {
                    shown.addAll(from - start, change.getAddedSubList());
                }
            }
        }
        if (behind()) {
            waiting.run();
        }
    }
}
