package dev.parley.bench;

import java.time.Duration;
import javafx.scene.Scene;
import javafx.scene.control.ListView;
import javafx.scene.control.skin.VirtualFlow;

/// Whether the log shows its newest line at the end of the flood (it follows) and scrolls over
/// all its lines: jumps to the first line, then back to the last (as the window's own following
/// does: the list's jump, a layout, the flow's scroll that shows the line whole), and reads the
/// flow's first and last visible cells after the layout (bounded waits).
record Scrolling(int size, boolean followed, int firstVisible, int lastVisible, double topMillis, double bottomMillis) {

    private static final Duration LAYOUT = Duration.ofSeconds(10);

    boolean works() {
        return size > 0 && followed && firstVisible == 0 && lastVisible == size - 1;
    }

    static Scrolling check(Scene scene) throws InterruptedException {
        var list = Fx.call(() -> (ListView<?>) scene.lookup("#logList"));
        int size = Fx.call(() -> list.getItems().size());
        boolean followed = Fx.until(LAYOUT, () -> last(list) == size - 1);
        long t0 = System.nanoTime();
        Fx.run(() -> list.scrollTo(0));
        Fx.until(LAYOUT, () -> first(list) == 0);
        long t1 = System.nanoTime();
        int firstVisible = Fx.call(() -> first(list));
        Fx.run(() -> {
            list.scrollTo(size - 1);
            list.layout();
            flow(list).scrollTo(size - 1);
        });
        Fx.until(LAYOUT, () -> last(list) == size - 1);
        long t2 = System.nanoTime();
        int lastVisible = Fx.call(() -> last(list));
        return new Scrolling(size, followed, firstVisible, lastVisible, (t1 - t0) / 1e6, (t2 - t1) / 1e6);
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
