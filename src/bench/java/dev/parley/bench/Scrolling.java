package dev.parley.bench;

import java.time.Duration;
import java.util.List;
import javafx.scene.Scene;
import javafx.scene.control.ListView;
import javafx.scene.control.skin.VirtualFlow;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;

/// Whether the log shows its newest line at the end of the flood (it follows) and scrolls over
/// all the room's lines, as a person would: Home jumps to the top of what the list holds, the
/// window puts older lines in front there, and so on until the room's first line is at the top;
/// then back to the last line (as the window's own following does: the list's jump, a layout,
/// the flow's scroll that shows the line whole). Reads the flow's first and last visible cells
/// after each layout (bounded waits).
record Scrolling(int heldWhileFollowing, boolean followed, int homePresses, boolean reachedFirstLine, int size,
                 int firstVisible, int lastVisible, double topMillis, double bottomMillis) {

    private static final Duration LAYOUT = Duration.ofSeconds(10);
    private static final int MAX_PRESSES = 64;

    boolean works() {
        return size > 0 && followed && reachedFirstLine && firstVisible == 0 && lastVisible == size - 1;
    }

    /// `room` is the room's lines in the window's view model.
    static Scrolling check(Scene scene, List<?> room) throws InterruptedException {
        @SuppressWarnings("unchecked")
        var list = Fx.call(() -> (ListView<Object>) scene.lookup("#logList"));
        int held = Fx.call(() -> list.getItems().size());
        boolean followed = Fx.until(LAYOUT, () -> last(list) == held - 1);
        var firstLine = Fx.call(room::getFirst);
        long t0 = System.nanoTime();
        int presses = 0;
        boolean reached = false;
        while (!reached && presses < MAX_PRESSES) {
            int before = Fx.call(() -> list.getItems().size());
            presses++;
            Fx.run(() -> {
                list.fireEvent(key(KeyEvent.KEY_PRESSED));
                list.fireEvent(key(KeyEvent.KEY_RELEASED));
            });
            Fx.until(LAYOUT, () -> list.getItems().size() > before || atFirstLine(list, firstLine));
            reached = Fx.call(() -> atFirstLine(list, firstLine));
        }
        long t1 = System.nanoTime();
        int size = Fx.call(() -> list.getItems().size());
        int firstVisible = Fx.call(() -> first(list));
        Fx.run(() -> {
            list.scrollTo(size - 1);
            list.layout();
            flow(list).scrollTo(size - 1);
        });
        Fx.until(LAYOUT, () -> last(list) == size - 1);
        long t2 = System.nanoTime();
        int lastVisible = Fx.call(() -> last(list));
        return new Scrolling(held, followed, presses, reached, size, firstVisible, lastVisible, (t1 - t0) / 1e6,
                (t2 - t1) / 1e6);
    }

    private static KeyEvent key(javafx.event.EventType<KeyEvent> type) {
        return new KeyEvent(type, "", "", KeyCode.HOME, false, false, false, false);
    }

    private static boolean atFirstLine(ListView<Object> list, Object firstLine) {
        return first(list) == 0 && !list.getItems().isEmpty() && list.getItems().getFirst() == firstLine;
    }

    private static VirtualFlow<?> flow(ListView<?> list) {
        return list.lookup(".virtual-flow") instanceof VirtualFlow<?> flow ? flow : null;
    }

    private static int first(ListView<?> list) {
        var flow = flow(list);
        var cell = flow == null ? null : flow.getFirstVisibleCell();
        return cell == null ? -1 : cell.getIndex();
    }

    private static int last(ListView<?> list) {
        var flow = flow(list);
        var cell = flow == null ? null : flow.getLastVisibleCell();
        return cell == null ? -1 : cell.getIndex();
    }
}
