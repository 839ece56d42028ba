package dev.parley.ui;

import dev.parley.protocol.Message;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/// Who is connected to the shown room, from `presence`. FX thread only.
public final class MembersViewModel {

    private final Map<String, List<MemberRow>> byRoom = new HashMap<>();
    private final ObservableList<MemberRow> shown = FXCollections.observableArrayList();
    private final IntegerProperty count = new SimpleIntegerProperty();
    private final BooleanProperty seedOnly = new SimpleBooleanProperty();
    private final Clock clock;
    private String room = "";
    private String self = "";

    public MembersViewModel(Clock clock) {
        this.clock = clock;
    }

    public ObservableList<MemberRow> members() {
        return FXCollections.unmodifiableObservableList(shown);
    }

    public ReadOnlyIntegerProperty countProperty() {
        return count;
    }

    /// The server sends no member list (the seed's Bun server).
    public ReadOnlyBooleanProperty seedOnlyProperty() {
        return seedOnly;
    }

    public void self(String name) {
        self = name;
        show();
    }

    public void seedOnly(boolean value) {
        seedOnly.set(value);
    }

    public void presence(String room, List<Message.Member> members) {
        var now = clock.instant();
        byRoom.put(room, members.stream()
                .map(m -> new MemberRow(m.clientId(), Times.parse(m.since(), now), m.address(), false))
                .toList());
        if (room.equals(this.room)) {
            show();
        }
    }

    public void showRoom(String room) {
        this.room = room;
        show();
    }

    public void forget(String room) {
        byRoom.remove(room);
        show();
    }

    /// The connection is gone: nobody is known to be there any more.
    public void clear() {
        byRoom.clear();
        show();
    }

    private void show() {
        var rows = byRoom.getOrDefault(room, List.of()).stream()
                .map(m -> new MemberRow(m.clientId(), m.since(), m.address(), m.clientId().equals(self)))
                .toList();
        shown.setAll(rows);
        count.set(rows.size());
    }
}
