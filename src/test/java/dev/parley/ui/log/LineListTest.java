package dev.parley.ui.log;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import javafx.collections.ListChangeListener;
import org.junit.jupiter.api.Test;

class LineListTest {

    private final LineList list = new LineList();
    private final List<String> changes = new ArrayList<>();

    LineListTest() {
        list.addListener((ListChangeListener<LogLine>) c -> {
            while (c.next()) {
                changes.add((c.wasAdded() ? "+" + c.getFrom() + ".." + c.getTo() : "")
                        + (c.wasRemoved() ? "-" + c.getFrom() + "x" + c.getRemovedSize() + texts(c.getRemoved()) : ""));
            }
        });
    }

    private static LogLine line(int n) {
        return LogLine.system(Instant.EPOCH, String.valueOf(n));
    }

    private static List<LogLine> lines(int from, int to) {
        return IntStream.rangeClosed(from, to).mapToObj(LineListTest::line).toList();
    }

    private static List<String> texts(List<? extends LogLine> lines) {
        return lines.stream().map(LogLine::text).toList();
    }

    @Test
    void rangesGoInAndOutAsOneChangeEach() {
        list.addAll(lines(3, 6));
        list.addAll(0, lines(1, 2));
        list.add(line(7));
        list.remove(0, 3);
        list.set(0, line(40));
        list.remove(1);

        assertThat(texts(list)).containsExactly("40", "6", "7");
        assertThat(changes).containsExactly("+0..4", "+0..2", "+6..7", "-0x3[1, 2, 3]", "+0..1-0x1[4]", "-1x1[5]");
    }

    @Test
    void emptyRangesChangeNothingAndBadOnesAreRefused() {
        list.addAll(lines(1, 2));
        changes.clear();
        assertThat(list.addAll(1, List.of())).isFalse();
        list.remove(1, 1);
        assertThat(changes).isEmpty();
        assertThatThrownBy(() -> list.addAll(3, lines(5, 5))).isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> list.remove(1, 3)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> list.add(null)).isInstanceOf(NullPointerException.class);
        assertThat(texts(list)).containsExactly("1", "2");
    }

    @Test
    void aSubListClearIsOneRemoval() {
        list.addAll(lines(1, 5));
        changes.clear();
        list.subList(1, 4).clear();
        assertThat(texts(list)).containsExactly("1", "5");
        assertThat(changes).containsExactly("-1x3[2, 3, 4]");
    }
}
