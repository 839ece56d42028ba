package dev.parley.ui.conversation;

import dev.parley.client.ClientEvent;
import dev.parley.client.Line;
import dev.parley.protocol.Checked;
import dev.parley.protocol.Names;
import dev.parley.ui.common.Note;
import dev.parley.ui.common.Session;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/// The side list: the joined rooms, then the private conversations, each with its unread count
/// and who is typing there; the one shown. Listens to the session's events; joins, leaves and
/// private conversations go through the session. FX thread only.
public final class ConversationsViewModel {

    /// "… is typing" shows this long after the last typing notice (the client sends one every
    /// few seconds while typing goes on).
    static final Duration TYPING_SHOWS = Duration.ofSeconds(5);

    private final ObservableList<ConversationRow> rows = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper active = new ReadOnlyStringWrapper(Names.DEFAULT_ROOM);
    private final ReadOnlyObjectWrapper<Note> error = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<Note> typingHere = new ReadOnlyObjectWrapper<>();
    private final Map<String, Instant> typingUntil = new HashMap<>();
    private final Session session;
    private final Clock clock;

    public ConversationsViewModel(Session session, Clock clock) {
        this.session = session;
        this.clock = clock;
        session.listen(this::on);
        session.attemptProperty().addListener((obs, old, attempt) -> {
            if (attempt != null) {
                reset(attempt.room() == null ? Names.DEFAULT_ROOM : attempt.room());
            }
        });
    }

    public ObservableList<ConversationRow> conversations() {
        return FXCollections.unmodifiableObservableList(rows);
    }

    public ReadOnlyStringProperty activeProperty() {
        return active.getReadOnlyProperty();
    }

    public String active() {
        return active.get();
    }

    public ReadOnlyObjectProperty<Note> errorProperty() {
        return error.getReadOnlyProperty();
    }

    /// "Ann is typing…" in the conversation shown (null: nobody).
    public ReadOnlyObjectProperty<Note> typingProperty() {
        return typingHere.getReadOnlyProperty();
    }

    /// A new connection: only its first room, shown.
    void reset(String first) {
        rows.setAll(new ConversationRow(first, first, false, 0, null));
        typingUntil.clear();
        select(first);
    }

    private void on(ClientEvent event) {
        switch (event) {
            case ClientEvent.Welcomed(var welcome) -> {
                appeared(welcome.room(), welcome.room());
                (welcome.rooms() == null ? List.<String>of() : welcome.rooms()).forEach(r -> appeared(r, r));
                if (find(active.get()) < 0) {
                    select(welcome.room());
                }
            }
            case ClientEvent.ConversationAppeared(var id, var title) -> appeared(id, title);
            case ClientEvent.PresenceChanged(var room, var members) -> appeared(room, room);
            case ClientEvent.LineAdded(var line) -> arrived(line);
            case ClientEvent.PrivateTyping(var from) -> typing(Line.privateWith(from), from);
            case ClientEvent.TypingNotice(var room, var from) -> {
                if (room != null) {
                    typing(room, from);
                }
            }
            default -> { }
        }
    }

    /// Adds a conversation once: rooms after the rooms, private ones at the end.
    void appeared(String id, String title) {
        if (find(id) >= 0) {
            return;
        }
        boolean privately = Line.isPrivate(id);
        var row = new ConversationRow(id, title, privately, 0, null);
        if (privately) {
            rows.add(row);
        } else {
            int at = 0;
            while (at < rows.size() && !rows.get(at).privately()) {
                at++;
            }
            rows.add(at, row);
        }
    }

    private void arrived(Line line) {
        var id = line.conversation();
        appeared(id, Line.isPrivate(id) ? (line.own() ? id.substring(1) : line.from()) : id);
        int at = find(id);
        var row = rows.get(at);
        if (row.typing() != null && row.typing().equalsIgnoreCase(line.from())) {
            typingUntil.remove(id);
            rows.set(at, row = row.withTyping(null));
            showTyping();
        }
        if (!line.own() && !id.equals(active.get())) {
            rows.set(at, row.withUnread(row.unread() + 1));
        }
    }

    private void typing(String id, String who) {
        appeared(id, Line.isPrivate(id) ? who : id);
        typingUntil.put(id, clock.instant().plus(TYPING_SHOWS));
        int at = find(id);
        rows.set(at, rows.get(at).withTyping(who));
        showTyping();
    }

    /// Once a second: typing that stopped is no longer shown.
    public void tick(Instant now) {
        var stopped = typingUntil.entrySet().stream().filter(e -> !e.getValue().isAfter(now)).map(Map.Entry::getKey).toList();
        for (var id : stopped) {
            typingUntil.remove(id);
            int at = find(id);
            if (at >= 0) {
                rows.set(at, rows.get(at).withTyping(null));
            }
        }
        if (!stopped.isEmpty()) {
            showTyping();
        }
    }

    private void showTyping() {
        int at = find(active.get());
        var who = at < 0 ? null : rows.get(at).typing();
        typingHere.set(who == null ? null : Note.of("typing.one", who));
    }

    public void select(String id) {
        active.set(id);
        int at = find(id);
        if (at >= 0 && rows.get(at).unread() != 0) {
            rows.set(at, rows.get(at).withUnread(0));
        }
        showTyping();
    }

    /// Alt+Down / Alt+Up: the next or previous conversation of the list, round the ends.
    public void move(int by) {
        if (rows.isEmpty()) {
            return;
        }
        int at = Math.max(0, find(active.get()));
        select(rows.get(Math.floorMod(at + by, rows.size())).id());
    }

    /// The conversations whose title contains `typed` (ignoring case), those starting with it first.
    public List<ConversationRow> matching(String typed) {
        var wanted = typed == null ? "" : typed.strip().toLowerCase(Locale.ROOT);
        return rows.stream().filter(r -> r.title().toLowerCase(Locale.ROOT).contains(wanted))
                .sorted((a, b) -> Boolean.compare(!a.title().toLowerCase(Locale.ROOT).startsWith(wanted),
                        !b.title().toLowerCase(Locale.ROOT).startsWith(wanted)))
                .toList();
    }

    /// Opens the private conversation with `name` (a member clicked, or "New message").
    public boolean openPrivate(String name) {
        if (name == null || Names.clientId(name.strip()) instanceof Checked.Refused<String>) {
            error.set(Note.of("conversations.badName", name == null ? "" : name));
            return false;
        }
        error.set(null);
        var id = Line.privateWith(name.strip());
        appeared(id, name.strip());
        select(id);
        return true;
    }

    /// Validates the name, asks the server, and shows the room at once.
    public boolean join(String raw) {
        if (Names.room(raw) instanceof Checked.Refused<String> refused) {
            error.set(Note.of("rooms.invalid", refused.message()));
            return false;
        }
        error.set(null);
        var room = Names.room(raw).orThrow();
        session.join(room);
        appeared(room, room);
        select(room);
        return true;
    }

    /// Leaves a room (the last one cannot be left: a connection is always in one), or closes a
    /// private conversation's row (it comes back with its next message).
    public void leave(String id) {
        boolean privately = Line.isPrivate(id);
        if (!privately && rows.stream().filter(r -> !r.privately()).count() <= 1) {
            error.set(Note.of("rooms.last"));
            return;
        }
        if (!privately) {
            session.leaveRoom(id);
        }
        rows.removeIf(r -> r.id().equals(id));
        if (id.equals(active.get())) {
            select(rows.getFirst().id());
        }
    }

    private int find(String id) {
        for (int i = 0; i < rows.size(); i++) {
            if (rows.get(i).id().equals(id)) {
                return i;
            }
        }
        return -1;
    }
}
