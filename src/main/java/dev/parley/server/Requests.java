package dev.parley.server;

import dev.parley.protocol.ErrorCode;
import dev.parley.protocol.Message;
import dev.parley.protocol.Message.FileInfo;
import dev.parley.protocol.Message.HistoryRequest;
import dev.parley.protocol.Message.SendChat;
import dev.parley.protocol.Message.SendDm;
import dev.parley.server.files.FileStore;

/// What each client → server message does. Every refusal is an `error` to the sender only;
/// the connection stays open.
final class Requests {

    /// More rooms per connection than anyone needs; a bound on what one client can create.
    static final int MAX_ROOMS_PER_CONNECTION = 32;
    static final int DEFAULT_HISTORY_PAGE = 50;

    private final Hub hub;
    private final Conversations conversations;
    private final Searches searches;
    private final HistoryPages pages;
    private final FileStore files;
    private final ErrorReplies errors;

    Requests(Hub hub, Conversations conversations, Searches searches, HistoryPages pages, FileStore files,
            ErrorReplies errors) {
        this.hub = hub;
        this.conversations = conversations;
        this.searches = searches;
        this.pages = pages;
        this.files = files;
        this.errors = errors;
    }

    void handle(Connection connection, Message.ToServer message) {
        switch (message) {
            case SendChat chat -> chat(connection, chat);
            case SendDm dm -> dm(connection, dm);
            case Message.Join(var room) -> {
                if (!connection.inRoom(room) && connection.roomCount() >= MAX_ROOMS_PER_CONNECTION) {
                    errors.refuse(connection, ErrorCode.BAD_MESSAGE, "already in " + MAX_ROOMS_PER_CONNECTION + " rooms; leave one first", "join");
                } else {
                    hub.join(connection, room);
                }
            }
            case Message.Leave(var room) -> {
                if (!hub.leave(connection, room)) {
                    errors.refuse(connection, ErrorCode.UNKNOWN_ROOM, "you are not in '" + room + "'", "leave");
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
            case Message.ConversationHistoryRequest request -> conversations.history(connection, request);
            case Message.TypingTo typing -> conversations.typing(connection, typing);
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
            errors.refuse(connection, ErrorCode.UNKNOWN_ROOM, "you are in no room; join one first", ref);
            return;
        }
        var room = memberRoom(connection, name, ref);
        var file = room == null ? null : sharedFile(connection, chat.file(), ref);
        if (room != null && file != SharedFile.UNKNOWN) {
            room.submit(connection, chat, file, start);
        }
    }

    /// A private message: its file checked here, then stored and delivered by [Conversations].
    private void dm(Connection connection, SendDm dm) {
        var ref = dm.cid() != null ? dm.cid() : "dm";
        var file = sharedFile(connection, dm.file(), ref);
        if (file != SharedFile.UNKNOWN) {
            conversations.send(connection, dm, file);
        }
    }

    /// What a message sharing `shared` carries; null when it shares nothing, [SharedFile#UNKNOWN]
    /// (and `unknown_file` to the sender) when the server does not hold that file.
    private FileInfo sharedFile(Connection connection, FileInfo shared, String ref) {
        if (shared == null) {
            return null;
        }
        var described = files.describe(shared);
        if (described == null) {
            errors.refuse(connection, ErrorCode.UNKNOWN_FILE, "no file " + shared.sha256() + " here; upload it first", ref);
            return SharedFile.UNKNOWN;
        }
        return described;
    }

    private void history(Connection connection, HistoryRequest request) {
        if (memberRoom(connection, request.room(), "history") == null) {
            return;
        }
        int limit = request.limit() != null ? request.limit() : DEFAULT_HISTORY_PAGE;
        pages.send(connection, request.room(), request.after(), request.before(), limit, "history");
    }

    private Room memberRoom(Connection connection, String name, String ref) {
        var room = connection.inRoom(name) ? hub.room(name) : null;
        if (room == null) {
            errors.refuse(connection, ErrorCode.UNKNOWN_ROOM, "you are not in '" + name + "'; join it first", ref);
        }
        return room;
    }
}
