package dev.parley.ui.conversation;

import dev.parley.ui.common.Note;
import dev.parley.protocol.Checked;
import dev.parley.protocol.Names;
import java.util.List;
import java.util.function.Consumer;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/// The rooms this connection has joined, the one shown, unread counts. FX thread only.
public final class RoomsViewModel {

    private final ObservableList<RoomRow> rooms = FXCollections.observableArrayList();
    private final StringProperty active = new SimpleStringProperty(Names.DEFAULT_ROOM);
    private final ObjectProperty<Note> error = new SimpleObjectProperty<>();
    private Consumer<String> joiner = room -> { };
    private Consumer<String> leaver = room -> { };

    public ObservableList<RoomRow> rooms() {
        return FXCollections.unmodifiableObservableList(rooms);
    }

    public ReadOnlyStringProperty activeProperty() {
        return active;
    }

    public String active() {
        return active.get();
    }

    public ObjectProperty<Note> errorProperty() {
        return error;
    }

    /// Where join/leave requests go (the current client).
    public void connectTo(Consumer<String> join, Consumer<String> leave) {
        joiner = join;
        leaver = leave;
    }

    /// A new connection: only its first room, shown.
    public void reset(String first) {
        rooms.setAll(new RoomRow(first, 0));
        select(first);
    }

    /// The server's `welcome` (again after a reconnect): these rooms are joined; the shown room
    /// stays unless it is not among them.
    public void welcomed(String first, List<String> joined) {
        joined(first);
        joined.forEach(this::joined);
        if (rooms.stream().noneMatch(r -> r.name().equals(active.get()))) {
            select(first);
        }
    }

    /// A room was confirmed (presence arrived for it); adds it once.
    public void joined(String room) {
        if (rooms.stream().noneMatch(r -> r.name().equals(room))) {
            rooms.add(new RoomRow(room, 0));
        }
    }

    public void select(String room) {
        active.set(room);
        replace(room, 0);
    }

    /// A message from someone else arrived in `room`.
    public void arrived(String room) {
        if (!room.equals(active.get())) {
            rooms.stream().filter(r -> r.name().equals(room)).findFirst()
                    .ifPresent(r -> replace(room, r.unread() + 1));
        }
    }

    /// Validates the name, asks the server, and shows the room at once.
    public boolean join(String raw) {
        if (Names.room(raw) instanceof Checked.Refused<String> refused) {
            error.set(Note.of("rooms.invalid", refused.message()));
            return false;
        }
        error.set(null);
        var room = Names.room(raw).orThrow();
        joiner.accept(room);
        joined(room);
        select(room);
        return true;
    }

    /// The last room cannot be left: a connection is always in one.
    public void leave(String room) {
        if (rooms.size() <= 1) {
            error.set(Note.of("rooms.last"));
            return;
        }
        leaver.accept(room);
        rooms.removeIf(r -> r.name().equals(room));
        if (room.equals(active.get())) {
            select(rooms.getFirst().name());
        }
    }

    private void replace(String room, int unread) {
        for (int i = 0; i < rooms.size(); i++) {
            if (rooms.get(i).name().equals(room) && rooms.get(i).unread() != unread) {
                rooms.set(i, new RoomRow(room, unread));
            }
        }
    }
}
