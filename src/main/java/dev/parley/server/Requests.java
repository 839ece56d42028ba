package dev.parley.server;

import dev.parley.protocol.ErrorCode;
import dev.parley.protocol.Message;
import dev.parley.protocol.Message.Dm;
import dev.parley.protocol.Message.HistoryRequest;
import dev.parley.protocol.Message.SendChat;
import dev.parley.protocol.Message.SendDm;
import java.time.Instant;
import java.util.UUID;

/// What each client → server message does. Every refusal is an `error` to the sender only;
/// the connection stays open.
final class Requests {

    /// More rooms per connection than anyone needs; a bound on what one client can create.
    static final int MAX_ROOMS_PER_CONNECTION = 32;
    static final int DEFAULT_HISTORY_PAGE = 50;

    private final Hub hub;
    private final Searches searches;

    Requests(Hub hub) {
        this.hub = hub;
        this.searches = new Searches(hub);
    }

    void handle(Connection connection, Message.ToServer message) {
        switch (message) {
            case SendChat chat -> chat(connection, chat);
            case SendDm dm -> dm(connection, dm);
            case Message.Join(var room) -> {
                if (!connection.inRoom(room) && connection.roomCount() >= MAX_ROOMS_PER_CONNECTION) {
                    hub.refuse(connection, ErrorCode.BAD_MESSAGE, "already in " + MAX_ROOMS_PER_CONNECTION + " rooms; leave one first", "join");
                } else {
                    hub.join(connection, room);
                }
            }
            case Message.Leave(var room) -> {
                if (!hub.leave(connection, room)) {
                    hub.refuse(connection, ErrorCode.UNKNOWN_ROOM, "you are not in '" + room + "'", "leave");
                }
            }
            case Message.Typing(var room) -> {
                var target = memberRoom(connection, room, "typing");
                if (target != null) {
                    target.broadcastExcept(Outgoing.of(new Message.TypingNotice(room, connection.clientId)), connection);
                }
            }
            case HistoryRequest request -> history(connection, request);
            case Message.Ping(var t) -> connection.send(new Message.Pong(t));
            case Message.Search search -> searches.answer(connection, search);
            case Message.SetStatus(var status) -> {
                connection.status(status);
                hub.statusChanged(connection);
            }
        }
    }

    private void chat(Connection connection, SendChat chat) {
        long start = System.nanoTime();
        var ref = chat.cid() != null ? chat.cid() : "chat";
        var name = chat.room() != null ? chat.room() : connection.firstRoom();
        if (name == null) {
            hub.refuse(connection, ErrorCode.UNKNOWN_ROOM, "you are in no room; join one first", ref);
            return;
        }
        var room = memberRoom(connection, name, ref);
        if (room != null) {
            room.submit(hub.store, hub.metrics, hub.timer, connection, chat.text(), chat.cid(), start);
        }
    }

    private void dm(Connection connection, SendDm dm) {
        var ref = dm.cid() != null ? dm.cid() : "dm";
        var recipient = hub.byName(dm.to());
        if (recipient == null) {
            hub.refuse(connection, ErrorCode.UNKNOWN_USER, "nobody called '" + dm.to() + "' is connected", ref);
            return;
        }
        var sent = new Dm(UUID.randomUUID().toString(), connection.clientId, recipient.clientId, dm.text(),
                Instant.now().toString(), null);
        if (recipient != connection) {
            recipient.send(sent);
        }
        connection.send(sent.withCid(dm.cid()));
    }

    private void history(Connection connection, HistoryRequest request) {
        if (memberRoom(connection, request.room(), "history") == null) {
            return;
        }
        int limit = request.limit() != null ? request.limit() : DEFAULT_HISTORY_PAGE;
        hub.sendHistory(connection, request.room(), request.after(), request.before(), limit, "history");
    }

    private Room memberRoom(Connection connection, String name, String ref) {
        var room = connection.inRoom(name) ? hub.room(name) : null;
        if (room == null) {
            hub.refuse(connection, ErrorCode.UNKNOWN_ROOM, "you are not in '" + name + "'; join it first", ref);
        }
        return room;
    }
}
