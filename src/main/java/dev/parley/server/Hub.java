package dev.parley.server;

import dev.parley.protocol.ErrorCode;
import dev.parley.protocol.Message.SystemNotice;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/// Which rooms exist and who is in each: joins and leaves, announced to the room as gathered
/// presence deltas. A room exists while it has members (the default room always may be joined).
final class Hub {

    /// How long presence changes are gathered before one `presence` delta goes to the room, so
    /// that a crowd joining at once costs each member one frame per pause instead of one per join.
    static final long PRESENCE_DELAY_MS = 50;
    static final int HISTORY_ON_JOIN = 50;

    private final ServerConfig config;
    private final Room.ChatPath chatPath;
    private final ScheduledExecutorService timer;
    private final ServerLog log;
    private final HistoryPages pages;
    private final ErrorReplies errors;
    private final ConcurrentHashMap<String, Room> rooms = new ConcurrentHashMap<>();

    /// `chatPath` is where every room stores and delivers its chats; `timer` gathers presence.
    Hub(ServerConfig config, Room.ChatPath chatPath, ScheduledExecutorService timer, ServerLog log, HistoryPages pages,
            ErrorReplies errors) {
        this.config = config;
        this.chatPath = chatPath;
        this.timer = timer;
        this.log = log;
        this.pages = pages;
        this.errors = errors;
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
            room = rooms.computeIfAbsent(name, this::newRoom);
            if (room == null) {
                connection.removeRoom(name);
                errors.refuse(connection, ErrorCode.TOO_MANY_ROOMS, "the server has its " + config.limits().maxRooms()
                        + " rooms already; join one of them or try later", "join");
                return;
            }
        } while (!room.add(connection));
        if (connection.isGone()) {
            // Disconnected (from another thread) while joining: undo, or the room keeps a ghost.
            if (room.remove(connection)) {
                removeRoom(name, room);
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
        pages.send(connection, name, null, null, HISTORY_ON_JOIN, "join");
    }

    /// A room for the first member of `name`, or null past `maxRooms` (the default room is
    /// always there to join). Counted under the map's lock of `name` only: concurrent joins of
    /// different new rooms may pass the cap by as many as join at that very moment.
    private Room newRoom(String name) {
        if (rooms.size() >= config.limits().maxRooms() && !name.equals(config.defaultRoom())) {
            return null;
        }
        chatPath.store().occupied(name);
        return new Room(name, config.limits().maxFrameBytes(), chatPath);
    }

    /// `room` was emptied: forget it, here and (when it holds no messages) in the store.
    private void removeRoom(String name, Room room) {
        if (rooms.remove(name, room)) {
            chatPath.store().vacated(name);
        }
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
            removeRoom(name, room);
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

    /// The connection is gone: it leaves every room it was in.
    void leaveAll(Connection connection) {
        for (var room : connection.rooms()) {
            leave(connection, room);
        }
    }
}
