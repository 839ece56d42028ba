package dev.parley.ui.log;

import dev.parley.ui.common.Session;
import dev.parley.ui.common.Times;
import dev.parley.client.ClientEvent;
import dev.parley.client.Line;
import dev.parley.protocol.Message;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.ObservableList;

/// The lines of every conversation (rooms and private ones), one list each: appended, updated
/// by `cid`, trimmed. Own messages appear as soon as they are sent
/// (pending), turn to sent on the server's acknowledgement, or to failed (retryable). FX thread only.
public final class LogViewModel {

    /// Older lines are dropped past this, so a long-running window keeps a bounded memory (a
    /// short line costs ~205 bytes of heap with the list's bookkeeping, window-flood.sh): a
    /// minute's flood at 2,000 a second still fits.
    static final int MAX_LINES = 200_000;

    /// Past the limit, the oldest lines go in chunks of this many: a removal at the front makes
    /// every visible cell redraw, once per chunk instead of once per new line.
    static final int TRIM_CHUNK = 10_000;

    static final int MAX_NAMES = 4_096;

    private final Map<String, ObservableList<LogLine>> rooms = new HashMap<>();
    private final Map<String, String> roomOfCid = new HashMap<>();
    /// The lowest `seq` shown in each room: a history page adds only what is older.
    private final Map<String, Long> oldestShown = new HashMap<>();
    /// One string per sender name, shared by all their lines (each message decodes its own copy).
    private final Map<String, String> names = new HashMap<>();
    private final ReadOnlyObjectWrapper<Wanted> wanted = new ReadOnlyObjectWrapper<>();
    private final Clock clock;
    private final Supplier<String> activeRoom;

    public LogViewModel(Clock clock, Supplier<String> activeRoom) {
        this.clock = clock;
        this.activeRoom = activeRoom;
    }

    public ObservableList<LogLine> lines(String room) {
        return rooms.computeIfAbsent(room, r -> new LineList());
    }

    /// Follows the session's events: lines added and changed, notices and refusals (into the
    /// conversation shown), history pages, a name the server changed.
    public void listenTo(Session session) {
        session.listen(this::apply);
    }

    /// Applies one event. The client's line events already hold each message once
    /// ([ClientEvent.LineAdded], [ClientEvent.LineChanged]): nothing is deduplicated here.
    public void apply(ClientEvent event) {
        switch (event) {
            case ClientEvent.LineAdded(var line) -> added(line);
            case ClientEvent.LineChanged(var line) -> changed(line);
            case ClientEvent.ChatFailed(var cid, var code, var reason) -> {
                var room = roomOfCid.get(cid);
                if (room != null) {
                    replace(room, cid, line -> line.withStatus(LogLine.Status.FAILED, reason));
                }
            }
            case ClientEvent.SystemNotice(var text) -> notice(text);
            case ClientEvent.Refused(var code, var message, var ref) ->
                    add(activeRoom.get(), LogLine.error(clock.instant(), code.wire() + ": " + message));
            case ClientEvent.Welcomed(var welcome) when welcome.renamedFrom() != null ->
                    notice(welcome.renamedFrom() + " → " + welcome.clientId());
            case ClientEvent.HistoryPage(var room, var messages, var complete) -> {
                long oldest = oldestShown.getOrDefault(room, Long.MAX_VALUE);
                for (var chat : messages.reversed()) {
                    if (chat.seq() > 0 && chat.seq() < oldest) {
                        lines(room).addFirst(fromChat(chat, false));
                        oldest = chat.seq();
                    }
                }
                oldestShown.put(room, oldest);
            }
            default -> { }
        }
    }

    /// A line of the window's own (a server trusted, a file not readable) in the conversation shown.
    public void notice(String text) {
        add(activeRoom.get(), LogLine.system(clock.instant(), text));
    }

    /// A line asked to be shown (a search result chosen): its conversation and `seq`.
    public record Wanted(String conversation, long seq) {}

    /// The line last asked to be shown; the log pane scrolls to it and selects it.
    public ReadOnlyObjectProperty<Wanted> wantedProperty() {
        return wanted.getReadOnlyProperty();
    }

    /// Asks the log pane to scroll to the message numbered `seq` of `conversation` and select it.
    public void reveal(String conversation, long seq) {
        wanted.set(new Wanted(conversation, seq));
    }

    /// Where the message numbered `seq` is in `conversation`'s lines; -1 when not there (trimmed
    /// or never shown).
    public int indexOf(String conversation, long seq) {
        var list = lines(conversation);
        for (int i = list.size() - 1; i >= 0; i--) {
            if (list.get(i).seq() == seq) {
                return i;
            }
        }
        return -1;
    }

    /// Marks a failed message pending again; the caller asks the client to resend it.
    public void retrying(String cid) {
        var room = roomOfCid.get(cid);
        if (room != null) {
            replace(room, cid, line -> line.withStatus(LogLine.Status.PENDING, null));
        }
    }

    private void added(Line line) {
        var room = line.conversation();
        if (line.cid() != null && line.own()) {
            roomOfCid.put(line.cid(), room);
        }
        if (line.seq() > 0) {
            oldestShown.merge(room, line.seq(), Math::min);
        }
        add(room, new LogLine(Line.isPrivate(room) ? LogLine.Kind.DM : LogLine.Kind.CHAT,
                Times.parse(line.time(), clock.instant()), name(line.from()), line.text(), line.own(),
                line.own() ? status(line.state()) : null, line.own() ? line.cid() : null, line.seq(), null, line.file()));
    }

    private void changed(Line line) {
        var room = roomOfCid.get(line.cid());
        if (room == null) {
            return;
        }
        if (line.seq() > 0) {
            oldestShown.merge(room, line.seq(), Math::min);
        }
        replace(room, line.cid(), shown -> new LogLine(shown.kind(), Times.parse(line.time(), shown.time()), shown.from(),
                shown.text(), true, status(line.state()), line.cid(), line.seq(),
                line.state() == Line.State.FAILED ? shown.detail() : null,
                line.file() != null ? line.file() : shown.file()));
    }

    private static LogLine.Status status(Line.State state) {
        return switch (state) {
            case PENDING -> LogLine.Status.PENDING;
            case SENT -> LogLine.Status.SENT;
            case FAILED -> LogLine.Status.FAILED;
        };
    }

    /// Someone else's cid is not kept: only own lines are found by it (acknowledged, failed, retried).
    private LogLine fromChat(Message.Chat chat, boolean own) {
        return new LogLine(LogLine.Kind.CHAT, Times.parse(chat.time(), clock.instant()), name(chat.from()), chat.text(),
                own, own ? LogLine.Status.SENT : null, own ? chat.cid() : null, chat.seq(), null, chat.file());
    }

    /// The shared copy of a sender's name; the table starts over past [#MAX_NAMES] (a room of
    /// ever-new names), which only costs sharing.
    private String name(String from) {
        if (from == null) {
            return null;
        }
        if (names.size() >= MAX_NAMES) {
            names.clear();
        }
        return names.computeIfAbsent(from, f -> f);
    }

    private boolean replace(String room, String cid, UnaryOperator<LogLine> change) {
        var list = lines(room);
        for (int i = list.size() - 1; i >= 0; i--) {
            if (cid.equals(list.get(i).cid()) && list.get(i).own()) {
                list.set(i, change.apply(list.get(i)));
                return true;
            }
        }
        return false;
    }

    private void add(String room, LogLine line) {
        var list = lines(room);
        list.add(line);
        if (list.size() >= MAX_LINES + TRIM_CHUNK) {
            list.remove(0, list.size() - MAX_LINES);
        }
    }
}
