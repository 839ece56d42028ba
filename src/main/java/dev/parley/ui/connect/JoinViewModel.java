package dev.parley.ui.connect;

import dev.parley.ui.common.Note;
import dev.parley.client.Addresses;
import dev.parley.client.ClientConfig;
import dev.parley.protocol.Fingerprint;
import dev.parley.protocol.Invite;
import dev.parley.protocol.Checked;
import dev.parley.protocol.Names;
import dev.parley.discovery.DiscoveredRoom;
import java.net.URI;
import java.util.List;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import java.util.function.BiConsumer;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/// The Join form: server address (`host`, `host:port`, a `ws://` URL or a `parley://` invite, which
/// also gives the room and the certificate's fingerprint), name, room, password,
/// and the servers joined before. Checks everything before a connection is tried. FX thread only.
public final class JoinViewModel {

    private final StringProperty address = new SimpleStringProperty("");
    private final StringProperty name = new SimpleStringProperty("");
    private final StringProperty room = new SimpleStringProperty(Names.DEFAULT_ROOM);
    private final StringProperty password = new SimpleStringProperty("");
    private final ObservableList<String> recent = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<Note> error = new ReadOnlyObjectWrapper<>();
    private final NearbyViewModel nearby = new NearbyViewModel();
    private final ReadOnlyIntegerWrapper passwordWanted = new ReadOnlyIntegerWrapper();
    private DiscoveredRoom chosen;
    private BiConsumer<ClientConfig, String> connector = (config, label) -> { };

    public StringProperty addressProperty() { return address; }
    public StringProperty nameProperty() { return name; }
    public StringProperty roomProperty() { return room; }
    public StringProperty passwordProperty() { return password; }
    public ObservableList<String> recent() { return recent; }
    public ReadOnlyObjectProperty<Note> errorProperty() { return error.getReadOnlyProperty(); }
    public NearbyViewModel nearby() { return nearby; }
    /// Counts up each time a chosen room needs a password that is not typed yet (the pane
    /// then puts the cursor into the password field).
    public ReadOnlyIntegerProperty passwordWantedProperty() { return passwordWanted.getReadOnlyProperty(); }

    /// One click on a room found on the network: fills the address and joins; a room with a
    /// password asks for it first (and joins on the next click or Join).
    public boolean choose(DiscoveredRoom found) {
        chosen = found;
        var before = address.get();
        address.set(found.uri().toString());
        if (!found.passwordProtected()) {
            password.set("");
        } else if (password.get() == null || password.get().isEmpty() || !found.uri().toString().equals(before)) {
            password.set("");
            error.set(Note.of("join.needsPassword", found.name()));
            passwordWanted.set(passwordWanted.get() + 1);
            return false;
        }
        return join();
    }

    /// An invite link the app was opened with (`parley://…`, from a browser or the desktop): joins
    /// at once when the name is set, else waits in the field for one.
    public boolean open(String link) {
        address.set(link.strip());
        return join();
    }

    /// Where a checked join goes: the config and the address as the user typed it.
    public void connectWith(BiConsumer<ClientConfig, String> sink) {
        connector = sink;
    }

    public void recent(List<String> servers) {
        recent.setAll(servers);
    }

    /// Checks the form; on success remembers the address first in the recent list and connects.
    public boolean join() {
        var typed = address.get() == null ? "" : address.get().strip();
        if (typed.isEmpty()) {
            error.set(Note.of("join.noAddress"));
            return false;
        }
        URI uri;
        Invite invite;
        try {
            invite = Invite.isAppLink(typed) ? Invite.parse(typed) : null;
            uri = invite == null ? Addresses.parse(typed) : invite.serverUri();
        } catch (IllegalArgumentException e) {
            error.set(Note.of("join.badAddress", e.getMessage()));
            return false;
        }
        if (invite != null) {
            room.set(invite.room());
        }
        if (Names.clientId(name.get()) instanceof Checked.Refused<String> refused) {
            error.set(Note.of("join.badName", refused.message()));
            return false;
        }
        if (Names.room(room.get()) instanceof Checked.Refused<String> refused) {
            error.set(Note.of("rooms.invalid", refused.message()));
            return false;
        }
        error.set(null);
        recent.remove(typed);
        recent.addFirst(typed);
        var config = ClientConfig.of(uri, Names.clientId(name.get()).orThrow(), Names.room(room.get()).orThrow(),
                password.get() == null || password.get().isEmpty() ? null : password.get());
        // An invite's fingerprint came from the host itself, so it is pinned without a first-use question.
        connector.accept(invite != null && invite.tls() ? config.withExpectedFingerprint(invite.fingerprint())
                : withAnnouncedFingerprint(config, typed), typed);
        return true;
    }

    /// A room found on the network carries its certificate's fingerprint: joining it verifies
    /// the certificate against that instead of trusting it on first use. Only for the address the
    /// room was found at; a pin made earlier still wins (the announcement is not authenticated).
    private ClientConfig withAnnouncedFingerprint(ClientConfig config, String typed) {
        if (chosen == null || !chosen.tls() || !chosen.uri().toString().equals(typed) || chosen.fingerprint().isEmpty()) {
            return config;
        }
        try {
            return config.withExpectedFingerprint(Fingerprint.normalize(chosen.fingerprint()));
        } catch (IllegalArgumentException notAFingerprint) {
            return config;
        }
    }
}
