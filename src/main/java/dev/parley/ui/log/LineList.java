package dev.parley.ui.log;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import javafx.collections.ModifiableObservableListBase;

/// An observable list of log lines whose range operations move the other lines once. JavaFX's
/// `FXCollections.observableArrayList()` inserts and removes a range one element at a time,
/// each shifting everything after it, so dropping a room's oldest lines or putting older ones in
/// front cost the FX thread time in proportion to the square of their number. Here both are one
/// array copy. Same change events as any observable list. FX thread only.
final class LineList extends ModifiableObservableListBase<LogLine> {

    private final ArrayList<LogLine> lines = new ArrayList<>();

    @Override
    public LogLine get(int index) {
        return lines.get(index);
    }

    @Override
    public int size() {
        return lines.size();
    }

    @Override
    protected void doAdd(int index, LogLine line) {
        lines.add(index, Objects.requireNonNull(line));
    }

    @Override
    protected LogLine doSet(int index, LogLine line) {
        return lines.set(index, Objects.requireNonNull(line));
    }

    @Override
    protected LogLine doRemove(int index) {
        return lines.remove(index);
    }

    @Override
    public boolean addAll(Collection<? extends LogLine> added) {
        return addAll(lines.size(), added);
    }

    @Override
    public boolean addAll(int index, Collection<? extends LogLine> added) {
        Objects.checkIndex(index, lines.size() + 1);
        var copy = List.copyOf(added);
        if (copy.isEmpty()) {
            return false;
        }
        beginChange();
        try {
            lines.addAll(index, copy);
            nextAdd(index, index + copy.size());
            modCount++;
        } finally {
            endChange();
        }
        return true;
    }

    @Override
    public void remove(int from, int to) {
        Objects.checkFromToIndex(from, to, lines.size());
        if (from == to) {
            return;
        }
        beginChange();
        try {
            var range = lines.subList(from, to);
            nextRemove(from, List.copyOf(range));
            range.clear();
            modCount++;
        } finally {
            endChange();
        }
    }

    @Override
    protected void removeRange(int from, int to) {
        remove(from, to);
    }
}
