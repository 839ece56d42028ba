package dev.parley.ui.members;

import dev.parley.ui.common.Times;
import dev.parley.client.ClientEvent;
import dev.parley.client.ConnectionState;
import dev.parley.client.Line;
import dev.parley.protocol.Message;
import dev.parley.ui.common.Session;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/// Who is in the shown conversation (a room's members, or a private conversation's two), from `presence`: a full list replaces a room's members,
/// a change is applied to the shown list in place (each row inserted or removed where the
/// order puts it), so that a crowd arriving moves a few rows instead of rebuilding thousands.
/// Sorted by name, case-insensitively. FX thread only.
public final class MembersViewModel {

    private static final Comparator<MemberRow> ORDER = Comparator
            .comparing(MemberRow::clientId, String.CASE_INSENSITIVE_ORDER)
            .thenComparing(MemberRow::clientId);

    private final Map<String, Map<String, MemberRow>> byRoom = new HashMap<>();
    private final ObservableList<MemberRow> shown = FXCollections.observableArrayList();
    private final ReadOnlyIntegerWrapper count = new ReadOnlyIntegerWrapper();
    private final ReadOnlyBooleanWrapper seedOnly = new ReadOnlyBooleanWrapper();
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
        return count.getReadOnlyProperty();
    }

    /// The server sends no member list (the seed's Bun server).
    public ReadOnlyBooleanProperty seedOnlyProperty() {
        return seedOnly.getReadOnlyProperty();
    }

    /// Follows the session: the name asked for, then the one the server gave; member lists and
    /// their changes; nobody once the connection is gone.
    public void listenTo(Session session) {
        session.attemptProperty().addListener((obs, old, attempt) -> {
            if (attempt != null) {
                self(attempt.name());
            }
        });
        session.listen(event -> {
            switch (event) {
                case ClientEvent.Welcomed(var welcome) -> {
                    self(welcome.clientId());
                    seedOnly(false);
                }
                case ClientEvent.SeedServerDetected seed -> seedOnly(true);
                case ClientEvent.PresenceChanged(var room, var members) -> presence(room, members);
                case ClientEvent.PresenceUpdated(var room, var joined, var left) -> update(room, joined, left);
                case ClientEvent.StateChanged changed when changed.state() == ConnectionState.DISCONNECTED -> clear();
                default -> { }
            }
        });
    }

    public void self(String name) {
        self = name;
        show();
    }

    public void seedOnly(boolean value) {
        seedOnly.set(value);
    }

    /// A room's full list: replaces what was known of it.
    public void presence(String room, List<Message.Member> members) {
        var rows = new LinkedHashMap<String, MemberRow>();
        for (var member : members) {
            rows.put(member.clientId(), row(member));
        }
        byRoom.put(room, rows);
        if (room.equals(this.room)) {
            show();
        }
    }

    /// A change to a room's list: `joined` added (or replacing the row of the same name),
    /// `left` removed. A room without a full list yet ignores it.
    public void update(String room, List<Message.Member> joined, List<String> left) {
        var rows = byRoom.get(room);
        if (rows == null) {
            return;
        }
        boolean visible = room.equals(this.room);
        if (Line.isPrivate(this.room)) {
            show(); // a status change of the other member
        }
        for (var clientId : left) {
            var gone = rows.remove(clientId);
            if (gone != null && visible) {
                removeShown(gone);
            }
        }
        for (var member : joined) {
            var row = row(member);
            var before = rows.put(member.clientId(), row);
            if (visible) {
                if (before != null) {
                    removeShown(before);
                }
                insertShown(shownRow(row));
            }
        }
        if (visible) {
            count.set(shown.size());
        }
    }

    private void removeShown(MemberRow row) {
        int at = Collections.binarySearch(shown, row, ORDER);
        if (at >= 0) {
            shown.remove(at);
        }
    }

    private void insertShown(MemberRow row) {
        int at = Collections.binarySearch(shown, row, ORDER);
        if (at >= 0) {
            shown.set(at, row);
        } else {
            shown.add(-at - 1, row);
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

    /// A private conversation's two members: this window and the other, as a room lists them.
    private List<MemberRow> pair(String other) {
        var me = find(self);
        var them = find(other);
        return List.of(shownRow(me != null ? me : new MemberRow(self, clock.instant(), null, false, Message.Member.ONLINE)),
                shownRow(them != null ? them : new MemberRow(other, clock.instant(), null, false, Message.Member.ONLINE)));
    }

    private MemberRow find(String name) {
        for (var rows : byRoom.values()) {
            for (var row : rows.values()) {
                if (row.clientId().equalsIgnoreCase(name)) {
                    return row;
                }
            }
        }
        return null;
    }

    private MemberRow row(Message.Member member) {
        return new MemberRow(member.clientId(), Times.parse(member.since(), clock.instant()), member.address(), false,
                member.status());
    }

    private MemberRow shownRow(MemberRow row) {
        return new MemberRow(row.clientId(), row.since(), row.address(), row.clientId().equals(self), row.status());
    }

    private void show() {
        var rows = new ArrayList<MemberRow>();
        for (var row : byRoom.getOrDefault(room, Map.of()).values()) {
            rows.add(shownRow(row));
        }
        if (Line.isPrivate(room)) {
            rows.addAll(pair(room.substring(1)));
        }
        rows.sort(ORDER);
        shown.setAll(rows);
        count.set(rows.size());
    }
}
