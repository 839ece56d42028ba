package dev.parley.server;

import dev.parley.protocol.ChatFrames;
import dev.parley.protocol.ErrorCode;
import dev.parley.protocol.Limits;
import dev.parley.protocol.Message;
import dev.parley.protocol.Message.SystemNotice;
import dev.parley.protocol.Message.Chat;
import dev.parley.server.files.FileStore;
import dev.parley.server.history.Deadline;
import dev.parley.server.history.HistoryStore;
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
    final NameClaims claims;
    final Conversations conversations;
    final FileStore files;
    final ReadLanes reads;
    private final ConcurrentHashMap<String, Connection> byName = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, Room> rooms = new ConcurrentHashMap<>();
    final Set<Connection> connections = ConcurrentHashMap.newKeySet();

    Hub(ServerConfig config, HistoryStore store, Metrics metrics, ScheduledExecutorService timer, ServerLog log,
            NameClaims claims, FileStore files, ReadLanes reads) {
        this.claims = claims;
        this.files = files;
        this.config = config;
        this.reads = reads;
        this.limits = config.limits();
        this.store = store;
        this.metrics = metrics;
        this.timer = timer;
        this.log = log;
        this.conversations = new Conversations(this);
    }

    private static String key(String name) {
        return name.toLowerCase(Locale.ROOT);
    }

    /// A reserved name; `replaced` is the owner's earlier connection that gives the name up.
    record Reservation(String name, boolean claimed, Connection replaced) {}

    /// Reserves `wanted`, or `wanted-2`, `wanted-3`, … when it is live or claimed by another key
    /// ([NameClaims]); the reservation holds a placeholder until [#register] replaces it with the
    /// connection. The owner's key takes its name back from its own earlier connection (one a
    /// reconnect left half-open), which the caller then closes.
    Reservation reserveName(String wanted, String ownerKey, Connection placeholder) {
        for (int n = 1; ; n++) {
            var candidate = n == 1 ? wanted : withSuffix(wanted, "-" + n);
            var holder = byName.putIfAbsent(key(candidate), placeholder);
            if (holder == null) {
                NameClaims.Use use;
                try {
                    use = claims.use(candidate, ownerKey);
                } catch (RuntimeException unreadable) {
                    byName.remove(key(candidate), placeholder); // never leave a name held by nobody
                    throw unreadable;
                }
                if (use != NameClaims.Use.TAKEN) {
                    return new Reservation(candidate, use == NameClaims.Use.OWNED, null);
                }
                byName.remove(key(candidate), placeholder);
            } else if (claims.owns(candidate, ownerKey)) {
                if (holder.core == null && awaitAdmitted(candidate, holder)) {
                    // The owner's previous attempt was still being admitted (its client gave up
                    // on it); now it is a connection: look again, and take the name from it.
                    n--;
                } else if (holder.core == null) {
                    if (byName.replace(key(candidate), holder, placeholder)) {
                        return new Reservation(candidate, true, null); // an attempt that never finished
                    }
                    n--;
                } else if (byName.replace(key(candidate), holder, placeholder)) {
                    return new Reservation(candidate, true, holder);
                } else {
                    n--; // it changed meanwhile: look again
                }
            }
        }
    }

    /// Waits (briefly: admission takes moments) until `placeholder` no longer holds `name`;
    /// false when it still does after a few seconds.
    private boolean awaitAdmitted(String name, Connection placeholder) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (byName.get(key(name)) == placeholder) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            try {
                Thread.sleep(1);
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return true;
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
            room = rooms.computeIfAbsent(name, this::newRoom);
            if (room == null) {
                connection.removeRoom(name);
                refuse(connection, ErrorCode.TOO_MANY_ROOMS, "the server has its " + limits.maxRooms()
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
        sendHistory(connection, name, null, null, HISTORY_ON_JOIN, "join");
    }

    /// A room for the first member of `name`, or null past `maxRooms` (the default room is
    /// always there to join). Counted under the map's lock of `name` only: concurrent joins of
    /// different new rooms may pass the cap by as many as join at that very moment.
    private Room newRoom(String name) {
        if (rooms.size() >= limits.maxRooms() && !name.equals(config.defaultRoom())) {
            return null;
        }
        store.occupied(name);
        return new Room(name, limits.maxFrameBytes());
    }

    /// `room` was emptied: forget it, here and (when it holds no messages) in the store.
    private void removeRoom(String name, Room room) {
        if (rooms.remove(name, room)) {
            store.vacated(name);
        }
    }

    /// One page of `room` to `connection`, read on the history lane (a join's first). A store
    /// that cannot read, or not within the read budget, is an `error`, never an exception into Jetty.
    void sendHistory(Connection connection, String room, Long after, Long before, int limit, String ref) {
        var deadline = Deadline.after(limits.readBudget());
        reads.history("join".equals(ref), () -> {
            if (connection.isGone()) {
                return;
            }
            List<Chat> page;
            try {
                page = store.page(room, after, before, limit, deadline);
            } catch (HistoryStore.OverBudget late) {
                refuse(connection, ErrorCode.TOO_BUSY, "the history of '" + room + "' took too long; ask again later", ref);
                return;
            } catch (RuntimeException unreadable) {
                refuse(connection, ErrorCode.OTHER, "history of '" + room + "' cannot be read right now", ref);
                return;
            }
            connection.send(historyFrame(room, page, page.size() < limit, after != null));
        });
    }

    /// A `history` frame that fits in `maxFrameBytes` (clients use that limit for what they
    /// receive); a shortened page is not `complete`, so the client asks again.
    private Outgoing historyFrame(String room, List<Chat> page, boolean complete, boolean forward) {
        // Going forward (`after`) keeps the oldest; going back keeps the newest.
        return Outgoing.ofJson(ChatFrames.history(room, page, complete, forward, limits.maxFrameBytes()));
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

    /// Forgets a connection everywhere; true for the one call (of many, from any thread) that did.
    boolean disconnect(Connection connection) {
        if (!connection.markGone()) {
            return false;
        }
        connections.remove(connection);
        byName.remove(key(connection.clientId), connection);
        if (connection.claimed) {
            claims.used(connection.clientId);
        }
        for (var room : connection.rooms()) {
            leave(connection, room);
        }
        return true;
    }
}
