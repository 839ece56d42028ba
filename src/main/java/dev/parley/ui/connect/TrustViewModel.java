package dev.parley.ui.connect;

import dev.parley.ui.common.Background;
import dev.parley.ui.common.Note;
import dev.parley.client.ClientEvent;
import dev.parley.client.ConnectionState;
import dev.parley.client.DisconnectReason;
import dev.parley.client.KnownServers;
import java.net.URI;
import java.util.function.Function;
import dev.parley.ui.common.Session;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

/// Trust in encrypted servers, like SSH: the window's pins ([KnownServers]), the log line for a
/// server seen for the first time, and the warning when a pinned server shows another
/// certificate — with "trust the new certificate" (forget the pin, connect again) or "cancel".
/// FX thread only; the pin file is written on [Background].
public final class TrustViewModel {

    private final Background background;
    private final Runnable reconnect;
    private final ReadOnlyObjectWrapper<Note> changed = new ReadOnlyObjectWrapper<>();
    private KnownServers knownServers = KnownServers.inMemory();
    private Function<Note, String> words = note -> note.key() + " " + note.args();
    private URI server;
    private boolean announcedFirstUse;

    /// `reconnect` connects again to the last server with the last settings.
    public TrustViewModel(Background background, Runnable reconnect) {
        this.background = background;
        this.reconnect = reconnect;
    }

    /// The warning shown while a pinned server's certificate changed (null: none).
    public ReadOnlyObjectProperty<Note> changedProperty() { return changed.getReadOnlyProperty(); }

    /// Follows the session: each attempt, its state, the certificates it trusted; what there is
    /// to say of a certificate goes to `say` (the log).
    public void listenTo(Session session, Consumer<String> say) {
        session.attemptProperty().addListener((obs, old, attempt) -> {
            if (attempt != null) {
                connecting(attempt.server(), attempt.fingerprintFromNetwork());
            }
        });
        session.listen(event -> {
            switch (event) {
                case ClientEvent.StateChanged state -> stateChanged(state);
                case ClientEvent.ServerTrusted trusted -> {
                    var line = trusted(trusted);
                    if (line != null) {
                        say.accept(line);
                    }
                }
                default -> { }
            }
        });
    }

    public KnownServers knownServers() { return knownServers; }

    /// The window gives the pins of its data folder; tests keep the in-memory default.
    public void knownServers(KnownServers store) {
        knownServers = store;
    }

    /// How a note becomes the text of a log line (the window's language).
    public void words(Function<Note, String> translate) {
        words = translate;
    }

    /// A new connection starts: an old warning no longer applies. `fingerprintFromNetwork`: the
    /// certificate is checked against a fingerprint from the room's announcement on the network.
    void connecting(URI serverUri, boolean fingerprintFromNetwork) {
        server = serverUri;
        changed.set(null);
        announcedFirstUse = fingerprintFromNetwork && knownServers.fingerprint(KnownServers.key(serverUri)) == null;
    }

    /// The log line for a first-seen encrypted server, or null when there is nothing to say. A
    /// fingerprint from an announcement is no proof (anyone on the network can announce), so
    /// the first use of one gets its note too, saying where the fingerprint came from.
    String trusted(ClientEvent.ServerTrusted event) {
        if (event.firstUse()) {
            return words.apply(Note.of("tls.newServer", event.fingerprint()));
        }
        if (announcedFirstUse) {
            announcedFirstUse = false;
            return words.apply(Note.of("tls.newServerAnnounced", event.fingerprint()));
        }
        return null;
    }

    void stateChanged(ClientEvent.StateChanged event) {
        if (event.state() == ConnectionState.DISCONNECTED && event.reason() == DisconnectReason.CERTIFICATE_CHANGED) {
            changed.set(Note.of("tls.changed", server == null ? "" : KnownServers.key(server),
                    event.detail() == null ? "" : event.detail()));
        }
    }

    /// Forgets the old pin (on a background thread) and connects again, pinning the new one.
    public void trustNew() {
        if (changed.get() == null || server == null) {
            return;
        }
        var key = KnownServers.key(server);
        changed.set(null);
        background.run("tls-forget", () -> { knownServers.forget(key); return key; },
                forgotten -> reconnect.run(),
                failure -> changed.set(Note.of("tls.forgetFailed", String.valueOf(failure.getMessage()))));
    }

    public void cancel() {
        changed.set(null);
    }
}
