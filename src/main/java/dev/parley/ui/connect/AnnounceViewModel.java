package dev.parley.ui.connect;

import dev.parley.ui.common.Background;
import dev.parley.ui.common.Note;
import dev.parley.discovery.AnnouncedRoom;
import dev.parley.discovery.HostAnnouncer;
import dev.parley.server.ParleyServer;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;

/// "Announce on the network" for the hosted room: starts a [HostAnnouncer] off the FX thread
/// once hosting runs (and the switch is on), withdraws it when hosting stops or the switch goes
/// off. FX thread only; the announcer's 1–2 s start and close run on [Background].
public final class AnnounceViewModel {

    private final Background background;
    private final BooleanProperty announce = new SimpleBooleanProperty(true);
    private final BooleanProperty allowed = new SimpleBooleanProperty(true);
    private final ReadOnlyObjectWrapper<Note> status = new ReadOnlyObjectWrapper<>();
    private ParleyServer server;
    private String serverName;
    private boolean passwordProtected;
    private HostAnnouncer announcer;
    private boolean starting;

    AnnounceViewModel(Background background) {
        this.background = background;
        announce.addListener((obs, old, on) -> follow());
        allowed.addListener((obs, old, on) -> follow());
    }

    /// The user's choice (the checkbox, kept in the settings).
    public BooleanProperty announceProperty() { return announce; }
    /// False when the command line said `--no-announce`: the checkbox is then off and disabled.
    public BooleanProperty allowedProperty() { return allowed; }
    /// Where the room is announced, or why not; null while not hosting.
    public ReadOnlyObjectProperty<Note> statusProperty() { return status.getReadOnlyProperty(); }

    public HostAnnouncer announcer() { return announcer; }

    void hosting(ParleyServer hosted, String name, boolean password) {
        server = hosted;
        serverName = name;
        passwordProtected = password;
        follow();
    }

    /// Hosting stops: returns the announcer to close before the server stops (null if none).
    public HostAnnouncer detach() {
        server = null;
        status.set(null);
        var detached = announcer;
        announcer = null;
        return detached;
    }

    private boolean wanted() {
        return server != null && announce.get() && allowed.get();
    }

    private void follow() {
        if (wanted() && announcer == null && !starting) {
            starting = true;
            status.set(Note.of("announce.starting"));
            var forServer = server;
            var room = AnnouncedRoom.of(serverName, forServer.port(), passwordProtected, forServer.fingerprint());
            background.run("announce-start", () -> HostAnnouncer.start(room, () -> forServer.stats().connections(), forServer::roomNames),
                    started -> {
                        starting = false;
                        if (wanted() && server == forServer) {
                            announcer = started;
                            status.set(started.interfaces().isEmpty() ? Note.of("announce.nowhere")
                                    : Note.of("announce.on", String.join(", ", started.interfaces())));
                        } else {
                            close(started);
                            follow();
                        }
                    }, failed -> {
                        starting = false;
                        status.set(Note.of("announce.failed", String.valueOf(failed.getMessage())));
                    });
        } else if (!wanted() && announcer != null) {
            close(announcer);
            announcer = null;
            status.set(server == null ? null : Note.of("announce.off"));
        } else if (!wanted() && server != null && !starting) {
            status.set(Note.of("announce.off"));
        }
    }

    private void close(HostAnnouncer closing) {
        background.run("announce-stop", () -> { closing.close(); return closing; }, c -> { }, e -> { });
    }
}
