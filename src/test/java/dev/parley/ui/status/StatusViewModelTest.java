package dev.parley.ui.status;

import dev.parley.ui.common.Note;
import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.client.ClientEvent;
import dev.parley.client.ConnectionState;
import dev.parley.client.DisconnectReason;
import dev.parley.server.ServerStats;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class StatusViewModelTest {

    private final StatusViewModel status = new StatusViewModel();
    private final Instant t0 = Instant.parse("2026-01-02T10:00:00Z");

    @Test
    void reconnectCountdownMovesWithTheTick() {
        status.changed(new ClientEvent.StateChanged(ConnectionState.RECONNECTING, DisconnectReason.LOST,
                Duration.ofSeconds(5), null), t0);
        assertThat(status.stateNoteProperty().get()).isEqualTo(Note.of("state.reconnecting", 5L));

        status.tick(t0.plusSeconds(3));
        assertThat(status.stateNoteProperty().get()).isEqualTo(Note.of("state.reconnecting", 2L));
    }

    @Test
    void disconnectedSaysWhy() {
        status.changed(new ClientEvent.StateChanged(ConnectionState.DISCONNECTED, DisconnectReason.SERVER_CLOSED,
                null, null), t0);

        assertThat(status.stateNoteProperty().get())
                .isEqualTo(Note.of("state.disconnected", Note.of("reason.server_closed")));
        assertThat(status.stateProperty().get()).isEqualTo(ConnectionState.DISCONNECTED);
    }

    @Test
    void roundTripIsShownAndClearedWhenTheConnectionGoes() {
        status.changed(new ClientEvent.StateChanged(ConnectionState.CONNECTED, null, null, null), t0);
        status.roundTrip(Duration.ofMillis(12));
        assertThat(status.rttProperty().get()).isEqualTo(Note.of("status.rtt", 12L));

        status.changed(new ClientEvent.StateChanged(ConnectionState.RECONNECTING, DisconnectReason.LOST,
                Duration.ofSeconds(1), null), t0);
        assertThat(status.rttProperty().get()).isNull();
    }

    @Test
    void messagesPerSecondComesFromTheChangeBetweenSamples() {
        status.sample(new ServerStats(3, 1, 100, 300, 0, Duration.ofSeconds(10)), t0);
        status.sample(new ServerStats(3, 1, 150, 450, 0, Duration.ofSeconds(12)), t0.plusSeconds(2));

        assertThat(status.hostStatsProperty().get()).isEqualTo(Note.of("status.hostStats", 3, 25.0));
        status.hostingStopped();
        assertThat(status.hostStatsProperty().get()).isNull();
    }
}
