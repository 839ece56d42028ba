package dev.parley.server;

import dev.parley.protocol.ChatFrames;
import dev.parley.protocol.ErrorCode;
import dev.parley.protocol.Limits;
import dev.parley.protocol.Message;
import dev.parley.protocol.Message.Chat;
import dev.parley.server.history.Deadline;
import dev.parley.server.history.HistoryStore;
import java.util.List;

/// Pages of a room's history, read on the history lane of [ReadLanes] within the read budget:
/// a join's recent messages and the answers to `history {room}`.
final class HistoryPages {

    private final HistoryStore store;
    private final ReadLanes reads;
    private final Limits limits;
    private final ErrorReplies errors;

    HistoryPages(HistoryStore store, ReadLanes reads, Limits limits, ErrorReplies errors) {
        this.store = store;
        this.reads = reads;
        this.limits = limits;
        this.errors = errors;
    }

    /// One page of `room` to `connection` (a join's goes first in the lane). A store that cannot
    /// read, or not within the read budget, is an `error`, never an exception into Jetty.
    void send(Connection connection, String room, Long after, Long before, int limit, String ref) {
        var deadline = Deadline.after(limits.readBudget());
        reads.history("join".equals(ref), () -> {
            if (connection.isGone()) {
                return;
            }
            List<Chat> page;
            try {
                page = store.page(room, after, before, limit, deadline);
            } catch (HistoryStore.OverBudget late) {
                // The room tells the client which catch-up to ask again (it may wait for several).
                errors.send(connection, new Message.Error(ErrorCode.TOO_BUSY,
                        "the history of '" + room + "' took too long; ask again later", ref, room, null));
                return;
            } catch (RuntimeException unreadable) {
                errors.send(connection, new Message.Error(ErrorCode.OTHER,
                        "history of '" + room + "' cannot be read right now", ref, room, null));
                return;
            }
            connection.send(frame(room, page, page.size() < limit, after != null));
        });
    }

    /// A `history` frame that fits in `maxFrameBytes` (clients use that limit for what they
    /// receive); a shortened page is not `complete`, so the client asks again.
    private Outgoing frame(String room, List<Chat> page, boolean complete, boolean forward) {
        // Going forward (`after`) keeps the oldest; going back keeps the newest.
        return Outgoing.ofJson(ChatFrames.history(room, page, complete, forward, limits.maxFrameBytes()));
    }
}
