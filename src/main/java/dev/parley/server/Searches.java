package dev.parley.server;

import dev.parley.protocol.ChatFrames;
import dev.parley.protocol.ErrorCode;
import dev.parley.protocol.Limits;
import dev.parley.protocol.Message;
import dev.parley.protocol.Message.Chat;
import java.util.List;

/// Answers `search {query, room?, limit?}` from the [HistoryStore]: only messages of rooms the
/// asking connection has joined (of `room` alone when given, which must be one of them).
final class Searches {

    private static final String REF = "search";

    private final Hub hub;

    Searches(Hub hub) {
        this.hub = hub;
    }

    void answer(Connection connection, Message.Search search) {
        List<String> rooms;
        if (search.room() != null) {
            if (!connection.inRoom(search.room())) {
                hub.refuse(connection, ErrorCode.UNKNOWN_ROOM, "you are not in '" + search.room() + "'; join it first", REF);
                return;
            }
            rooms = List.of(search.room());
        } else {
            rooms = connection.rooms();
        }
        int limit = search.limit() != null ? search.limit() : Limits.DEFAULT_SEARCH_RESULTS;
        List<Chat> found;
        try {
            found = hub.store.search(search.query(), rooms, limit);
        } catch (RuntimeException unreadable) {
            hub.refuse(connection, ErrorCode.OTHER, "the history cannot be searched right now", REF);
            return;
        }
        connection.send(frame(search, found));
    }

    /// The answer, cut to the newest results that fit in `maxFrameBytes` (clients use that limit
    /// for what they receive): 100 long Chinese messages would not.
    private Outgoing frame(Message.Search search, List<Chat> found) {
        return Outgoing.ofJson(ChatFrames.results(search.query(), search.room(), found, hub.limits.maxFrameBytes()));
    }
}
