package dev.parley.ui.status;

import dev.parley.ui.common.Note;
import dev.parley.client.ClientEvent;
import dev.parley.client.ConnectionState;
import dev.parley.client.DisconnectReason;
import dev.parley.server.ServerStats;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;
import dev.parley.ui.common.Session;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import java.util.Locale;

/// The status bar: connection state (with a live reconnect countdown), round-trip time, server
/// address, and — when hosting — connections and messages per second. FX thread only.
public final class StatusViewModel {

    private final ReadOnlyObjectWrapper<ConnectionState> state = new ReadOnlyObjectWrapper<>(ConnectionState.DISCONNECTED);
    private final ReadOnlyObjectWrapper<Note> stateNote = new ReadOnlyObjectWrapper<>(Note.of("state.idle"));
    private final ReadOnlyObjectWrapper<Note> rtt = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper server = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper hosting = new ReadOnlyBooleanWrapper();
    private final ReadOnlyObjectWrapper<Note> hostStats = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyBooleanWrapper encrypted = new ReadOnlyBooleanWrapper();
    private ClientEvent.StateChanged last;
    private Instant retryAt;
    private long lastMessagesIn = -1;
    private Instant lastSample;

    public ReadOnlyObjectProperty<ConnectionState> stateProperty() { return state.getReadOnlyProperty(); }
    public ReadOnlyObjectProperty<Note> stateNoteProperty() { return stateNote.getReadOnlyProperty(); }
    public ReadOnlyObjectProperty<Note> rttProperty() { return rtt.getReadOnlyProperty(); }
    public ReadOnlyStringProperty serverProperty() { return server.getReadOnlyProperty(); }
    public ReadOnlyBooleanProperty hostingProperty() { return hosting.getReadOnlyProperty(); }
    public ReadOnlyObjectProperty<Note> hostStatsProperty() { return hostStats.getReadOnlyProperty(); }
    /// The current connection goes over `wss://` (the lock shows while connected).
    public ReadOnlyBooleanProperty encryptedProperty() { return encrypted.getReadOnlyProperty(); }

    /// Follows the session: where it connects (its label, whether encrypted), its state, the
    /// round-trip time; `now` is the time of the state changes.
    public void listenTo(Session session, Supplier<Instant> now) {
        session.attemptProperty().addListener((obs, old, attempt) -> {
            if (attempt != null) {
                server.set(attempt.label());
                encrypted.set("wss".equalsIgnoreCase(attempt.server().getScheme()));
            }
        });
        session.listen(event -> {
            switch (event) {
                case ClientEvent.StateChanged changed -> changed(changed, now.get());
                case ClientEvent.RoundTrip(var value) -> roundTrip(value);
                default -> { }
            }
        });
    }

    /// This window hosts a room (its connections and messages per second show).
    public void hosting() {
        hosting.set(true);
    }

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
