package dev.parley.bench;

import dev.parley.ui.log.LogLine;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import org.HdrHistogram.Histogram;

/// Watches the lines the log list shows: counts the pacer's chat lines as they are added and
/// records their lag, from the pacer's send call (`b SENDER SEQ NANOS`, same process) to the
/// line entering the list on the FX thread. FX thread only.
final class LineProbe implements ListChangeListener<LogLine> {

    private final ObservableList<LogLine> lines;
    private final Histogram lagMicros = new Histogram(3);
    private long chatLines;

    private LineProbe(ObservableList<LogLine> lines) {
        this.lines = lines;
    }

    static LineProbe attach(ObservableList<LogLine> lines) {
        var probe = new LineProbe(lines);
        lines.addListener(probe);
        return probe;
    }

    @Override
    public void onChanged(Change<? extends LogLine> change) {
        long now = System.nanoTime();
        while (change.next()) {
            if (change.wasAdded() && !change.wasReplaced()) {
                for (var line : change.getAddedSubList()) {
                    long sent = sentNanos(line);
                    if (sent > 0) {
                        chatLines++;
                        lagMicros.recordValue(Math.max(0, (now - sent) / 1_000));
                    }
                }
            }
        }
    }

    /// The pacer's chat lines seen so far (lines dropped from the log's front are still counted).
    long chatLines() {
        return chatLines;
    }

    Histogram takeLag() {
        var copy = lagMicros.copy();
        lagMicros.reset();
        return copy;
    }

    void close() {
        lines.removeListener(this);
    }

    /// The send time in a pacer text, or -1 for any other line.
    static long sentNanos(LogLine line) {
        var text = line.text();
        if (line.kind() != LogLine.Kind.CHAT || text == null || !text.startsWith("b ")) {
            return -1;
        }
        int last = text.lastIndexOf(' ');
        try {
            return Long.parseLong(text, last + 1, text.length(), 10);
        } catch (NumberFormatException notOurs) {
            return -1;
        }
    }
}
