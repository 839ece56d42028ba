package dev.parley.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
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

    private java.util.List<String> texts() {
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

        assertThat(shown.catchUp()).isTrue();
        assertThat(texts()).containsExactly("a", "b", "c", "d");
        assertThat(shown.catchUp()).isFalse();
    }

    /// One pulse of a 60 Hz display that did little.
    private static final long FRAME = 16_000_000;

    /// Line 1 shown by a catch-up (now), line 2 waiting.
    private void floodStarted() {
        shown.follow(room);
        room.add(line("1"));
        assertThat(shown.catchUp()).isTrue();
        room.add(line("2"));
    }

    @Test
    void underAFloodNewLinesShowAtMostOncePerInterval() {
        floodStarted();
        now += FRAME;
        asked = 0;
        assertThat(shown.catchUp()).as("too early").isFalse();
        assertThat(asked).as("asks for another pulse").isEqualTo(1);
        now += FRAME;
        assertThat(shown.catchUp()).as("still too early").isFalse();
        assertThat(texts()).containsExactly("1");

        now = now - 2 * FRAME + ShownLines.INTERVAL_NANOS;
        assertThat(shown.catchUp()).as("cheap pulses keep the shortest interval").isTrue();
        assertThat(texts()).containsExactly("1", "2");
    }

    @Test
    void aSlowCatchUpSpacesOutTheNextOnes() {
        floodStarted();
        long slowPulse = 100_000_000;
        now += slowPulse;
        assertThat(shown.catchUp()).as("its pulse took 100 ms").isFalse();
        assertThat(shown.interval()).isEqualTo(ShownLines.SPACING * slowPulse);
        now += ShownLines.SPACING * slowPulse - slowPulse - 1;
        assertThat(shown.catchUp()).as("one nanosecond early").isFalse();
        now += 1;
        assertThat(shown.catchUp()).isTrue();
        assertThat(texts()).containsExactly("1", "2");

        room.add(line("3"));
        now += FRAME;
        shown.catchUp();
        assertThat(shown.interval()).as("a cheap pulse again").isEqualTo(ShownLines.INTERVAL_NANOS);

        now += ShownLines.INTERVAL_NANOS;
        assertThat(shown.catchUp()).isTrue();
        now += 10_000_000_000L;
        shown.catchUp();
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

        shown.catchUp();
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
}
