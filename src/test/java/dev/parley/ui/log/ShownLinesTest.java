package dev.parley.ui.log;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.junit.jupiter.api.Test;

class ShownLinesTest {

    private long now = 1_000_000_000L;
    private int asked;
    private final ShownLines shown = new ShownLines(() -> asked++, () -> now);
    private final ObservableList<LogLine> room = FXCollections.observableArrayList();

    private static LogLine line(String text) {
        return LogLine.system(Instant.EPOCH, text);
    }

    private static LogLine pending(String cid, String text) {
        return new LogLine(LogLine.Kind.CHAT, Instant.EPOCH, "ann", text, true, LogLine.Status.PENDING, cid, 0, null);
    }

    private List<String> texts() {
        return shown.list().stream().map(LogLine::text).toList();
    }

    @Test
    void aRoomsLinesShowAtOnceAndNewLinesWaitForTheNextCatchUp() {
        room.addAll(line("a"), line("b"));
        shown.follow(room);
        assertThat(texts()).containsExactly("a", "b");

        room.add(line("c"));
        room.add(line("d"));
        assertThat(texts()).containsExactly("a", "b");
        assertThat(shown.behind()).isTrue();
        assertThat(asked).isPositive();

        assertThat(shown.catchUp(true)).isTrue();
        assertThat(texts()).containsExactly("a", "b", "c", "d");
        assertThat(shown.catchUp(true)).isFalse();
    }

    /// One pulse of a 60 Hz display that did little.
    private static final long FRAME = 16_000_000;

    /// Line 1 shown by a catch-up (now), line 2 waiting.
    private void floodStarted() {
        shown.follow(room);
        room.add(line("1"));
        assertThat(shown.catchUp(true)).isTrue();
        room.add(line("2"));
    }

    @Test
    void underAFloodNewLinesShowAtMostOncePerInterval() {
        floodStarted();
        now += FRAME;
        asked = 0;
        assertThat(shown.catchUp(true)).as("too early").isFalse();
        assertThat(asked).as("asks for another pulse").isEqualTo(1);
        now += FRAME;
        assertThat(shown.catchUp(true)).as("still too early").isFalse();
        assertThat(texts()).containsExactly("1");

        now = now - 2 * FRAME + ShownLines.INTERVAL_NANOS;
        assertThat(shown.catchUp(true)).as("cheap pulses keep the shortest interval").isTrue();
        assertThat(texts()).containsExactly("1", "2");
    }

    @Test
    void aSlowCatchUpSpacesOutTheNextOnes() {
        floodStarted();
        long slowPulse = 100_000_000;
        now += slowPulse;
        assertThat(shown.catchUp(true)).as("its pulse took 100 ms").isFalse();
        assertThat(shown.interval()).isEqualTo(ShownLines.SPACING * slowPulse);
        now += ShownLines.SPACING * slowPulse - slowPulse - 1;
        assertThat(shown.catchUp(true)).as("one nanosecond early").isFalse();
        now += 1;
        assertThat(shown.catchUp(true)).isTrue();
        assertThat(texts()).containsExactly("1", "2");

        room.add(line("3"));
        now += FRAME;
        shown.catchUp(true);
        assertThat(shown.interval()).as("a cheap pulse again").isEqualTo(ShownLines.INTERVAL_NANOS);

        now += ShownLines.INTERVAL_NANOS;
        assertThat(shown.catchUp(true)).isTrue();
        now += 10_000_000_000L;
        shown.catchUp(true);
        assertThat(shown.interval()).as("never longer than").isEqualTo(ShownLines.MAX_INTERVAL_NANOS);
    }

    @Test
    void statusChangesOldLinesDroppedAndHistoryShowAtOnce() {
        room.addAll(line("old"), pending("c1", "mine"));
        shown.follow(room);
        room.add(pending("c2", "waiting"));

        room.set(1, room.get(1).withStatus(LogLine.Status.SENT, null));
        assertThat(shown.list().get(1).status()).isEqualTo(LogLine.Status.SENT);

        room.set(2, room.get(2).withStatus(LogLine.Status.FAILED, "too long"));
        room.removeFirst();
        room.addFirst(line("history"));
        assertThat(texts()).containsExactly("history", "mine");

        shown.catchUp(true);
        assertThat(texts()).containsExactly("history", "mine", "waiting");
        assertThat(shown.list().getLast().status()).as("the change made while it waited").isEqualTo(LogLine.Status.FAILED);
        assertThat(shown.list()).containsExactlyElementsOf(room);
    }

    @Test
    void anotherRoomReplacesEverythingShown() {
        room.add(line("lobby"));
        shown.follow(room);
        var dev = FXCollections.observableArrayList(line("dev 1"), line("dev 2"));

        shown.follow(dev);
        room.add(line("lobby again"));

        assertThat(texts()).containsExactly("dev 1", "dev 2");
        assertThat(shown.behind()).isFalse();
    }

    /// A list that keeps 4 lines while following (6 before it drops the oldest).
    private final ShownLines small = new ShownLines(() -> asked++, () -> now, 4);

    private List<String> smallTexts() {
        return small.list().stream().map(LogLine::text).toList();
    }

    private void addLines(int from, int to) {
        for (int i = from; i <= to; i++) {
            room.add(line(String.valueOf(i)));
        }
    }

    /// The next catch-up is due.
    private boolean smallCatchUp(boolean following) {
        now += ShownLines.MAX_INTERVAL_NANOS;
        return small.catchUp(following);
    }

    @Test
    void whileFollowingTheListKeepsTheNewestLinesAndTheRoomKeepsAll() {
        addLines(1, 10);
        small.follow(room);
        assertThat(smallTexts()).containsExactly("7", "8", "9", "10");
        assertThat(small.hasOlder()).isTrue();

        addLines(11, 12);
        assertThat(smallCatchUp(true)).isTrue();
        assertThat(smallTexts()).as("up to half a window more").containsExactly("7", "8", "9", "10", "11", "12");
        addLines(13, 13);
        smallCatchUp(true);
        assertThat(smallTexts()).as("then back to the window").containsExactly("10", "11", "12", "13");

        addLines(14, 20);
        smallCatchUp(false);
        assertThat(smallTexts()).as("scrolled up: nothing dropped")
                .containsExactly("10", "11", "12", "13", "14", "15", "16", "17", "18", "19", "20");
        assertThat(room).hasSize(20);
    }

    @Test
    void olderLinesGoInFrontDoublingWhatTheListHoldsUntilTheFirst() {
        addLines(1, 30);
        small.follow(room);
        assertThat(small.older()).isEqualTo(4);
        assertThat(smallTexts()).containsExactly("23", "24", "25", "26", "27", "28", "29", "30");
        assertThat(small.older()).isEqualTo(8);
        assertThat(small.older()).as("the 14 left").isEqualTo(14);
        assertThat(small.list()).containsExactlyElementsOf(room);
        assertThat(small.hasOlder()).isFalse();
        assertThat(small.older()).isZero();
    }

    @Test
    void changesBeforeAmongAndAfterTheShownLinesKeepThemInStep() {
        addLines(1, 10);
        small.follow(room);
        room.set(7, room.get(7).withStatus(LogLine.Status.SENT, null));
        assertThat(small.list().get(1)).isSameAs(room.get(7));
        room.set(2, line("3 edited"));
        assertThat(smallTexts()).as("a change before the shown lines").containsExactly("7", "8", "9", "10");

        room.remove(0, 3);
        assertThat(smallTexts()).as("the oldest lines dropped").containsExactly("7", "8", "9", "10");
        room.addAll(0, List.of(line("history 1"), line("history 2")));
        assertThat(smallTexts()).as("history in front waits").containsExactly("7", "8", "9", "10");
        room.remove(4, 7);
        assertThat(smallTexts()).as("a cut through the first shown lines").containsExactly("9", "10");

        addLines(11, 11);
        assertThat(small.behind()).isTrue();
        smallCatchUp(true);
        while (small.older() > 0) {
            // all the way up
        }
        assertThat(small.list()).containsExactlyElementsOf(room);
        assertThat(smallTexts()).startsWith("history 1", "history 2", "4", "5", "9");

        room.sort(Comparator.comparing(LogLine::text));
        assertThat(small.list()).as("a reorder shows it all again").containsExactlyElementsOf(room);
    }

    @Test
    void revealingALineBringsOlderOrWaitingLinesInAndSaysWhereItIs() {
        var small = new ShownLines(() -> asked++, () -> now, 3);
        for (int i = 0; i < 10; i++) {
            room.add(line("l" + i));
        }
        small.follow(room);
        assertThat(small.list()).extracting(LogLine::text).containsExactly("l7", "l8", "l9");

        int at = small.reveal(1);
        assertThat(small.list().get(at).text()).isEqualTo("l1");
        room.add(line("l10"));
        at = small.reveal(10);
        assertThat(small.list().get(at).text()).isEqualTo("l10");
        assertThat(small.reveal(11)).isEqualTo(-1);
        assertThat(small.reveal(-1)).isEqualTo(-1);
    }
}
