package dev.parley.server;

import dev.parley.protocol.ChatFrames;
import dev.parley.protocol.ErrorCode;
import dev.parley.protocol.Limits;
import dev.parley.protocol.Message;
import dev.parley.protocol.Message.Chat;
import dev.parley.server.history.Deadline;
import dev.parley.server.history.HistoryStore;
import java.util.List;

/// Answers `search {query, room?, limit?}` from the [HistoryStore]: only messages of rooms the
/// asking connection has joined (of `room` alone when given, which must be one of them). Runs
/// on the search lane of [ReadLanes], one search per connection at a time ([OneAtATime]: the
/// next ones wait their turn, a few at most), each within the read budget.
final class Searches {

    private static final String REF = "search";
    /// Searches of one connection that may wait behind its running one.
    static final int MAX_WAITING = 3;

    private final HistoryStore store;
    private final ReadLanes reads;
    private final Limits limits;
    private final Conversations conversations;
    private final ErrorReplies errors;

    Searches(HistoryStore store, ReadLanes reads, Limits limits, Conversations conversations, ErrorReplies errors) {
        this.store = store;
        this.reads = reads;
        this.limits = limits;
        this.conversations = conversations;
        this.errors = errors;
    }

    void answer(Connection connection, Message.Search search) {
        List<String> rooms;
        if (search.room() != null) {
            if (!connection.inRoom(search.room())) {
                errors.refuse(connection, ErrorCode.UNKNOWN_ROOM, "you are not in '" + search.room() + "'; join it first", REF);
                return;
            }
            rooms = List.of(search.room());
        } else {
            rooms = new java.util.ArrayList<>(connection.rooms());
            rooms.addAll(conversations.searchable(connection));
        }
        int limit = search.limit() != null ? search.limit() : Limits.DEFAULT_SEARCH_RESULTS;
        var deadline = Deadline.after(limits.readBudget());
        var turns = connection.searches(() -> new OneAtATime(MAX_WAITING, reads::search));
        var turn = new OneAtATime.Turn(() -> {
            if (!connection.isGone()) {
                run(connection, search, rooms, limit, deadline);
            }
        }, () -> errors.refuse(connection, ErrorCode.TOO_BUSY, "the server is busy with other searches; try again in a moment", REF));
        if (!turns.offer(turn)) {
            errors.refuse(connection, ErrorCode.TOO_BUSY, "too many of your searches are waiting; wait for their results", REF);
        }
    }

    private void run(Connection connection, Message.Search search, List<String> rooms, int limit, Deadline deadline) {
        List<Chat> found;
        try {
            found = store.search(search.query(), rooms, limit, deadline);
        } catch (HistoryStore.OverBudget late) {
            errors.refuse(connection, ErrorCode.TOO_BUSY, "the search took too long; try fewer or longer words", REF);
            return;
        } catch (RuntimeException unreadable) {
            errors.refuse(connection, ErrorCode.OTHER, "the history cannot be searched right now", REF);
            return;
        }
        connection.send(frame(search, found.stream().map(chat -> Conversations.asResult(chat, connection.clientId)).toList()));
    }

    /// The answer, cut to the newest results that fit in `maxFrameBytes` (clients use that limit
    /// for what they receive): 100 long Chinese messages would not.
    private Outgoing frame(Message.Search search, List<Chat> found) {
        return Outgoing.ofJson(ChatFrames.results(search.query(), search.room(), found, limits.maxFrameBytes()));
    }
}
