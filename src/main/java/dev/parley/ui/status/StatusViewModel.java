package dev.parley.ui.status;

import dev.parley.ui.common.Note;
import dev.parley.client.ClientEvent;
import dev.parley.client.ConnectionState;
import dev.parley.client.DisconnectReason;
import dev.parley.server.ServerStats;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/// The status bar: connection state (with a live reconnect countdown), round-trip time, server
/// address, and — when hosting — connections and messages per second. FX thread only.
public final class StatusViewModel {

    private final ObjectProperty<ConnectionState> state = new SimpleObjectProperty<>(ConnectionState.DISCONNECTED);
    private final ObjectProperty<Note> stateNote = new SimpleObjectProperty<>(Note.of("state.idle"));
    private final ObjectProperty<Note> rtt = new SimpleObjectProperty<>();
    private final StringProperty server = new SimpleStringProperty("");
    private final BooleanProperty hosting = new SimpleBooleanProperty();
    private final ObjectProperty<Note> hostStats = new SimpleObjectProperty<>();
    private final BooleanProperty encrypted = new SimpleBooleanProperty();
    private ClientEvent.StateChanged last;
    private Instant retryAt;
    private long lastMessagesIn = -1;
    private Instant lastSample;

    public ObjectProperty<ConnectionState> stateProperty() { return state; }
    public ObjectProperty<Note> stateNoteProperty() { return stateNote; }
    public ObjectProperty<Note> rttProperty() { return rtt; }
    public StringProperty serverProperty() { return server; }
    public BooleanProperty hostingProperty() { return hosting; }
    public ObjectProperty<Note> hostStatsProperty() { return hostStats; }
    /// The current connection goes over `wss://` (the lock shows while connected).
    public BooleanProperty encryptedProperty() { return encrypted; }

    public void changed(ClientEvent.StateChanged event, Instant now) {
        last = event;
        state.set(event.state());
        retryAt = event.retryIn() == null ? null : now.plus(event.retryIn());
        if (event.state() != ConnectionState.CONNECTED) {
            rtt.set(null);
        }
        tick(now);
    }

    public void roundTrip(Duration value) {
        rtt.set(Note.of("status.rtt", value.toMillis()));
    }

    /// Once a second: the countdown moves on.
    public void tick(Instant now) {
        if (last == null) {
            return;
        }
        stateNote.set(switch (last.state()) {
            case CONNECTING -> Note.of("state.connecting");
            case CONNECTED -> Note.of("state.connected");
            case RECONNECTING -> Note.of("state.reconnecting",
                    retryAt == null ? 0 : Math.max(0, (Duration.between(now, retryAt).toMillis() + 999) / 1000));
            case DISCONNECTED -> Note.of("state.disconnected", Note.of(reasonKey(last.reason())));
        });
    }

    /// The key of a human reason for the bundle (`reason.lost`, …).
    static String reasonKey(DisconnectReason reason) {
        return reason == null ? "reason.none" : "reason." + reason.name().toLowerCase(Locale.ROOT);
    }

    /// Once a second while hosting; messages/s comes from the change in `messagesIn`.
    public void sample(ServerStats stats, Instant now) {
        double perSecond = 0;
        if (lastSample != null && lastMessagesIn >= 0) {
            double seconds = Math.max(0.001, Duration.between(lastSample, now).toMillis() / 1000.0);
            perSecond = (stats.messagesIn() - lastMessagesIn) / seconds;
        }
        lastSample = now;
        lastMessagesIn = stats.messagesIn();
        hostStats.set(Note.of("status.hostStats", stats.connections(), Math.round(perSecond * 10) / 10.0));
    }

    public void hostingStopped() {
        hosting.set(false);
        hostStats.set(null);
        lastSample = null;
        lastMessagesIn = -1;
    }
}
