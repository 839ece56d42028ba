package dev.parley.server;

import dev.parley.protocol.ErrorCode;
import dev.parley.protocol.Limits;
import dev.parley.protocol.Message;
import dev.parley.protocol.Message.SystemNotice;
import dev.parley.protocol.Message.Chat;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/// Who is connected and which rooms exist. Names are unique (case-insensitively) among live
/// connections; a room exists while it has members.
final class Hub {

    /// How long presence changes are gathered before one `presence` delta goes to the room, so
    /// that a crowd joining at once costs each member one frame per pause instead of one per join.
    static final long PRESENCE_DELAY_MS = 50;
    static final int HISTORY_ON_JOIN = 50;

    final ServerConfig config;
    final Limits limits;
    final HistoryStore store;
    final Metrics metrics;
    final ScheduledExecutorService timer;
    final ServerLog log;
    private final ConcurrentHashMap<String, Connection> byName = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, Room> rooms = new ConcurrentHashMap<>();
    final Set<Connection> connections = ConcurrentHashMap.newKeySet();

    Hub(ServerConfig config, HistoryStore store, Metrics metrics, ScheduledExecutorService timer, ServerLog log) {
        this.config = config;
        this.limits = config.limits();
        this.store = store;
        this.metrics = metrics;
        this.timer = timer;
        this.log = log;
    }

    private static String key(String name) {
        return name.toLowerCase(Locale.ROOT);
    }

    /// Reserves `wanted`, or `wanted-2`, `wanted-3`, … when taken; the reservation holds a
    /// placeholder until [#register] replaces it with the connection.
    String reserveName(String wanted, Connection placeholder) {
        for (int n = 1; ; n++) {
            var candidate = n == 1 ? wanted : withSuffix(wanted, "-" + n);
            if (byName.putIfAbsent(key(candidate), placeholder) == null) {
                return candidate;
            }
        }
    }

    private static String withSuffix(String name, String suffix) {
        int room = Limits.MAX_NAME_CHARS - suffix.length();
        if (name.codePointCount(0, name.length()) > room) {
            name = name.substring(0, name.offsetByCodePoints(0, room)).strip();
        }
        return name + suffix;
    }

    void register(Connection connection) {
        byName.put(key(connection.clientId), connection);
        connections.add(connection);
    }

    Connection byName(String name) {
        var found = byName.get(key(name));
        return found == null || found.isGone() || !connections.contains(found) ? null : found;
    }

    int roomCount() {
        return rooms.size();
    }

    Room room(String name) {
        return rooms.get(name);
    }

    /// Every room with members, and the default room.
    Set<String> roomNames() {
        var names = new TreeSet<>(rooms.keySet());
        names.add(config.defaultRoom());
        return names;
    }

    /// Adds the member, announces it, sends it the member list and recent history.
    void join(Connection connection, String name) {
        boolean fresh = connection.addRoom(name);
        Room room;
        do {
            room = rooms.computeIfAbsent(name, key -> new Room(key, limits.maxFrameBytes()));
        } while (!room.add(connection));
        if (connection.isGone()) {
            // Disconnected (from another thread) while joining: undo, or the room keeps a ghost.
            if (room.remove(connection)) {
                rooms.remove(name, room);
            }
            return;
        }
        if (fresh) {
            // The joiner hears of its arrival at once (as from the seed); the room, gathered.
            connection.send(new SystemNotice(connection.clientId + " joined"));
            log.log(connection.clientId + " joined " + name + " from " + connection.address);
        }
        room.sendPresenceTo(connection);
        schedulePresence(room);
        sendHistory(connection, name, null, null, HISTORY_ON_JOIN, "join");
    }

    /// One page of `room` to `connection`; a store that cannot read is an `error`, never an
    /// exception into Jetty (which would close the connection).
    void sendHistory(Connection connection, String room, Long after, Long before, int limit, String ref) {
        List<Chat> page;
        try {
            page = store.page(room, after, before, limit);
        } catch (RuntimeException unreadable) {
            refuse(connection, ErrorCode.OTHER, "history of '" + room + "' cannot be read right now", ref);
            return;
        }
        connection.send(historyFrame(room, page, page.size() < limit, after != null));
    }

    /// A `history` frame, shortened until it fits in `maxFrameBytes` (clients use that limit
    /// for what they receive). A shortened page is not `complete`, so the client asks again.
    private Outgoing historyFrame(String room, List<Chat> page, boolean complete, boolean forward) {
        var frame = Outgoing.of(new Message.History(room, page, complete));
        var shown = page;
        while (frame.size() > limits.maxFrameBytes() && shown.size() > 1) {
            int keep = shown.size() / 2;
            // Going forward (`after`) keeps the oldest; going back keeps the newest.
            shown = forward ? shown.subList(0, keep) : shown.subList(shown.size() - keep, shown.size());
            frame = Outgoing.of(new Message.History(room, shown, false));
        }
        return frame;
    }

    void refuse(Connection connection, ErrorCode code, String message, String ref) {
        metrics.refused(code);
        connection.send(new Message.Error(code, message, ref));
    }

    /// Removes the member and tells the others; false when it was not in the room.
    boolean leave(Connection connection, String name) {
        if (!connection.removeRoom(name)) {
            return false;
        }
        var room = rooms.get(name);
        if (room == null) {
            return true;
        }
        if (room.remove(connection)) {
            rooms.remove(name, room);
        } else {
            schedulePresence(room);
        }
        log.log(connection.clientId + " left " + name);
        return true;
    }

    /// The connection's status changed: every room it is in hears of it (gathered like a join).
    void statusChanged(Connection connection) {
        for (var name : connection.rooms()) {
            var room = rooms.get(name);
            if (room != null && room.statusChanged(connection)) {
                schedulePresence(room);
            }
        }
    }

    private void schedulePresence(Room room) {
        if (room.queuePresence()) {
            try {
                timer.schedule(room::sendPresence, PRESENCE_DELAY_MS, TimeUnit.MILLISECONDS);
            } catch (java.util.concurrent.RejectedExecutionException stopping) {
                room.sendPresence();
            }
        }
    }

    /// Forgets a connection everywhere; true for the one call (of many, from any thread) that did.
    boolean disconnect(Connection connection) {
        if (!connection.markGone()) {
            return false;
        }
        connections.remove(connection);
        byName.remove(key(connection.clientId), connection);
        for (var room : connection.rooms()) {
            leave(connection, room);
        }
        return true;
    }
}
