package dev.parley.ui;

import dev.parley.client.ClientEvent;
import dev.parley.protocol.Message;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import javafx.collections.ObservableList;

/// The lines of every joined room, one list each. Own messages appear as soon as they are sent
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
    private final Map<String, SeenSeqs> seen = new HashMap<>();
    /// One string per sender name, shared by all their lines (each message decodes its own copy).
    private final Map<String, String> names = new HashMap<>();
    private final List<String> echoes = new ArrayList<>();
    private final Clock clock;
    private final Supplier<String> activeRoom;
    private String self = "";

    public LogViewModel(Clock clock, Supplier<String> activeRoom) {
        this.clock = clock;
        this.activeRoom = activeRoom;
    }

    public ObservableList<LogLine> lines(String room) {
        return rooms.computeIfAbsent(room, r -> new LineList());
    }

    public void self(String name) {
        self = name;
    }

    /// Applies one event; returns the room that got a new chat line from someone else (for
    /// unread counts), or null.
    public String apply(ClientEvent event) {
        switch (event) {
            case ClientEvent.ChatPending(var cid, var room, var text) -> {
                // Sent again (retry, reconnect): the same line goes back to pending.
                if (roomOfCid.containsKey(cid)) {
                    retrying(cid);
                    return null;
                }
                roomOfCid.put(cid, room);
                add(room, new LogLine(LogLine.Kind.CHAT, clock.instant(), self, text, true,
                        LogLine.Status.PENDING, cid, 0, null));
            }
            case ClientEvent.ChatAcknowledged(var cid, var chat) -> acknowledge(cid, chat);
            case ClientEvent.ChatReceived(var chat, var own) -> {
                return received(chat, own);
            }
            case ClientEvent.ChatFailed(var cid, var code, var reason) -> {
                var room = roomOfCid.get(cid);
                if (room != null) {
                    replace(room, cid, line -> line.withStatus(LogLine.Status.FAILED, reason));
                }
            }
            case ClientEvent.DmReceived(var dm, var own) -> add(activeRoom.get(), new LogLine(LogLine.Kind.DM,
                    Times.parse(dm.time(), clock.instant()), dm.from(), dm.text(), own, null, dm.cid(), 0, dm.to()));
            case ClientEvent.SystemNotice(var text) -> add(activeRoom.get(), LogLine.system(clock.instant(), text));
            case ClientEvent.Refused(var code, var message, var ref) ->
                    add(activeRoom.get(), LogLine.error(clock.instant(), code.wire() + ": " + message));
            case ClientEvent.HistoryPage(var room, var messages, var complete) -> {
                for (var chat : messages.reversed()) {
                    if (firstSight(chat)) {
                        lines(room).addFirst(fromChat(chat, chat.from().equals(self)));
                    }
                }
            }
            default -> { }
        }
        return null;
    }

    /// Marks a failed message pending again; the caller asks the client to resend it.
    public void retrying(String cid) {
        var room = roomOfCid.get(cid);
        if (room != null) {
            replace(room, cid, line -> line.withStatus(LogLine.Status.PENDING, null));
        }
    }

    private String received(Message.Chat chat, boolean own) {
        if (!firstSight(chat)) {
            return null;
        }
        // A seed server's echo has no seq and no cid: the acknowledgement already showed it.
        if (own && chat.seq() <= 0 && echoes.remove(chat.room() + "\u0000" + chat.text())) {
            return null;
        }
        if (own && chat.cid() != null && roomOfCid.containsKey(chat.cid())) {
            acknowledge(chat.cid(), chat);
            return null;
        }
        add(chat.room(), fromChat(chat, own));
        return own ? null : chat.room();
    }

    private void acknowledge(String cid, Message.Chat chat) {
        var room = roomOfCid.getOrDefault(cid, chat.room());
        if (firstSight(chat) && chat.seq() <= 0) {
            echoes.add(chat.room() + "\u0000" + chat.text());
        }
        boolean found = replace(room, cid, line -> new LogLine(line.kind(), Times.parse(chat.time(), line.time()),
                chat.from(), line.text(), true, LogLine.Status.SENT, cid, chat.seq(), null));
        if (!found) {
            add(chat.room(), fromChat(chat, true));
        }
    }

    /// False when this room's `seq` was shown already (an acknowledgement racing its echo).
    private boolean firstSight(Message.Chat chat) {
        return chat.seq() <= 0 || seen.computeIfAbsent(chat.room(), r -> new SeenSeqs()).add(chat.seq());
    }

    /// Someone else's cid is not kept: only own lines are found by it (acknowledged, failed, retried).
    private LogLine fromChat(Message.Chat chat, boolean own) {
        return new LogLine(LogLine.Kind.CHAT, Times.parse(chat.time(), clock.instant()), name(chat.from()), chat.text(),
                own, own ? LogLine.Status.SENT : null, own ? chat.cid() : null, chat.seq(), null);
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
