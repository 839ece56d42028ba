package dev.parley.ui.connect;

import dev.parley.ui.common.FxBatches;
import dev.parley.ui.common.Note;
import dev.parley.protocol.Invite;
import dev.parley.server.ParleyServer;
import dev.parley.server.RefusalListener;
import dev.parley.server.RefusedAttempt;
import dev.parley.server.ServerAddresses;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Executor;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/// While hosting: how others get in (an [Invite] per address, one shown as a QR code) and why
/// they may not (attempts the server refused, by address and reason; the firewall command once
/// nobody from the network has reached the server for [#quiet]; a warning for networks that
/// usually isolate their devices). FX thread only; refusals arrive from the server's threads
/// through [FxBatches].
public final class ReachViewModel {

    /// Attempts refused from one address for one reason: how often, the last time and detail.
    public record RefusedRow(String address, RefusedAttempt.Reason reason, String detail, int count, Instant last) {}

    /// What [#hosting] needs that takes a look at the disk or the interfaces (read off the FX thread).
    record Facts(List<NetworkIsolation.LocalAddress> localAddresses, String firewallCommand) {
        static Facts read(int port) {
            return new Facts(NetworkIsolation.read(), FirewallHint.forThisComputer(port));
        }
    }

    /// At most this many rows of refused attempts are kept (the oldest go first).
    static final int MAX_ROWS = 20;

    private final Executor fx;
    private final Duration quiet;
    private final StringProperty room = new SimpleStringProperty("lobby");
    private final ObservableList<Invite> invites = FXCollections.observableArrayList();
    private final ObjectProperty<Invite> shown = new SimpleObjectProperty<>();
    private final ObservableList<RefusedRow> refused = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<Note> quietHint = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper firewallCommand = new ReadOnlyStringWrapper();
    private final ReadOnlyObjectWrapper<Note> isolation = new ReadOnlyObjectWrapper<>();
    private ParleyServer server;
    private List<ServerAddresses.Joinable> addresses = List.of();
    private Facts facts;
    private FxBatches<RefusedAttempt> batches;
    private RefusalListener listener;
    private Instant since;

    /// `quiet`: how long without a visit from the network before the firewall command is shown.
    ReachViewModel(Executor fx, Duration quiet) {
        this.fx = fx;
        this.quiet = quiet;
        room.addListener((obs, old, now) -> makeInvites());
    }

    /// The room invites lead to (the host's own).
    public StringProperty roomProperty() { return room; }
    /// One invite per address others can use (not loopback), IPv4 first.
    public ObservableList<Invite> invites() { return invites; }
    /// The invite shown as a QR code (the first, until another is chosen).
    public ObjectProperty<Invite> shownProperty() { return shown; }
    /// Newest first.
    public ObservableList<RefusedRow> refused() { return refused; }
    /// "Nobody from the network has reached this computer…", or null.
    public ReadOnlyObjectProperty<Note> quietHintProperty() { return quietHint.getReadOnlyProperty(); }
    /// The command that opens the port, shown with [#quietHintProperty]; null when there is none.
    public ReadOnlyStringProperty firewallCommandProperty() { return firewallCommand.getReadOnlyProperty(); }
    /// A network that usually isolates its devices (see [NetworkIsolation]), or null.
    public ReadOnlyObjectProperty<Note> isolationProperty() { return isolation.getReadOnlyProperty(); }

    void hosting(ParleyServer started, List<ServerAddresses.Joinable> joinable, Facts found) {
        stopped();
        server = started;
        addresses = joinable;
        facts = found;
        since = null;
        var mine = new FxBatches<RefusedAttempt>(fx, this::apply, 200);
        batches = mine;
        listener = mine::add;
        started.addRefusalListener(listener);
        isolation.set(NetworkIsolation.warning(found.localAddresses()));
        makeInvites();
    }

    void stopped() {
        if (server != null) {
            server.removeRefusalListener(listener);
            batches.close();
        }
        server = null;
        addresses = List.of();
        invites.clear();
        shown.set(null);
        refused.clear();
        quietHint.set(null);
        firewallCommand.set(null);
        isolation.set(null);
    }

    /// Once a second while hosting: the quiet hint appears after [#quiet] without a visit from
    /// the network, and goes as soon as one arrives.
    public void tick(Instant now) {
        if (server == null) {
            return;
        }
        since = since == null ? now : since;
        boolean reachable = addresses.stream().anyMatch(a -> !a.loopback());
        boolean silent = server.lastVisitFromNetwork() == null && reachable
                && Duration.between(since, now).compareTo(quiet) >= 0;
        quietHint.set(!silent ? null : Note.of("host.nobodyReached", quiet.toMinutes(), server.port()));
        firewallCommand.set(silent ? facts.firewallCommand() : null);
    }

    public void show(Invite invite) {
        shown.set(invite);
    }

    private void makeInvites() {
        if (server == null) {
            return;
        }
        var made = addresses.stream().filter(a -> !a.loopback())
                .map(a -> new Invite(a.uri().getHost().replace("[", "").replace("]", ""), server.port(), room.get(), server.fingerprint()))
                .toList();
        var before = shown.get();
        invites.setAll(made);
        shown.set(made.isEmpty() ? null : made.stream().filter(i -> before != null && i.host().equals(before.host()))
                .findFirst().orElse(made.getFirst()));
    }

    private void apply(List<RefusedAttempt> batch) {
        if (server == null) {
            return;
        }
        for (var attempt : batch) {
            var before = refused.stream().filter(r -> r.address().equals(attempt.address()) && r.reason() == attempt.reason())
                    .findFirst().orElse(null);
            refused.remove(before);
            refused.add(new RefusedRow(attempt.address(), attempt.reason(), attempt.detail(),
                    before == null ? 1 : before.count() + 1, attempt.time()));
        }
        FXCollections.sort(refused, Comparator.comparing(RefusedRow::last).reversed());
        if (refused.size() > MAX_ROWS) {
            refused.remove(MAX_ROWS, refused.size());
        }
    }
}
