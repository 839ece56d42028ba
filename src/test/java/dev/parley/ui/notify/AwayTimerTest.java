package dev.parley.ui.notify;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class AwayTimerTest {

    private Instant now = Instant.parse("2026-12-08T10:00:00Z");
    private final Clock clock = new Clock() {
        @Override public ZoneOffset getZone() { return ZoneOffset.UTC; }
        @Override public Clock withZone(java.time.ZoneId zone) { return this; }
        @Override public Instant instant() { return now; }
    };
    private final List<Availability> changes = new ArrayList<>();
    private final AwayTimer timer = new AwayTimer(clock, AwayTimer.DEFAULT_IDLE, changes::add);

    @Test
    void awayAfterTenMinutesWithoutInputAndBackOnInput() {
        now = now.plus(Duration.ofMinutes(9).plusSeconds(59));
        timer.tick();
        assertThat(changes).isEmpty();
        now = now.plusSeconds(1);
        timer.tick();
        timer.tick();
        assertThat(changes).containsExactly(Availability.AWAY);
        timer.input();
        assertThat(changes).containsExactly(Availability.AWAY, Availability.ONLINE);
    }

    @Test
    void inputKeepsThePersonOnline() {
        for (int i = 0; i < 30; i++) {
            now = now.plus(Duration.ofMinutes(5));
            timer.input();
            timer.tick();
        }
        assertThat(changes).isEmpty();
        assertThat(timer.shown()).isEqualTo(Availability.ONLINE);
    }

    @Test
    void aChosenStatusStaysThroughInputUntilChosenBack() {
        timer.choose(Availability.DND);
        timer.input();
        now = now.plus(Duration.ofHours(1));
        timer.tick();
        assertThat(changes).containsExactly(Availability.DND);
        timer.choose(Availability.ONLINE);
        assertThat(changes).containsExactly(Availability.DND, Availability.ONLINE);
    }

    @Test
    void wireNamesAreThoseOfPresenceAndUnknownOnesAreOnline() {
        assertThat(Availability.AWAY.wire()).isEqualTo("away");
        assertThat(Availability.fromWire("dnd")).isEqualTo(Availability.DND);
        assertThat(Availability.fromWire("busy")).isEqualTo(Availability.ONLINE);
        assertThat(Availability.fromWire(null)).isEqualTo(Availability.ONLINE);
    }
}
