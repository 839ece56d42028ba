package dev.parley.server.history;

import dev.parley.protocol.Message.Chat;
import dev.parley.protocol.Message.FileInfo;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/// Where room messages live. [#append] assigns the room's next `seq` at once and completes its
/// future when the message is durable (group commit may batch many appends into one
/// transaction); the server broadcasts only after completion. Futures of one room complete in
/// `seq` order.
public interface HistoryStore extends AutoCloseable {

    /// The stored message, and whether it is a resend (then `chat` is the original and nothing
    /// new was stored). A resend has the same `cid`, room and text. The caller makes `cid` its
    /// sender's own (`Connection#resendKey`: the claimed name, or the name asked for), so that
    /// another member's message with the same cid and text is never taken for a resend.
    record Stored(Chat chat, boolean duplicate) {}

    /// Stores a message that shares `file` (null for plain text).
    CompletableFuture<Stored> append(String room, String from, String text, String cid, Instant time, FileInfo file);

    default CompletableFuture<Stored> append(String room, String from, String text, String cid, Instant time) {
        return append(room, from, text, cid, time, null);
    }

    /// The sha256 of every file that a stored message shares: the others may be removed.
    Set<String> referencedFiles();

    /// A read or search that ran past its [Deadline]: the server answers `too_busy`.
    final class OverBudget extends RuntimeException {
        public OverBudget() {
            super("past its time budget", null, false, false);
        }
    }

    /// Up to `limit` messages of `room` with `after < seq < before` (either bound may be null),
    /// ascending by `seq`. Without `after`, the newest ones.
    default List<Chat> page(String room, Long after, Long before, int limit) {
        return page(room, after, before, limit, Deadline.NONE);
    }

    /// [#page(String, Long, Long, int)], giving up with [OverBudget] once `deadline` has passed.
    List<Chat> page(String room, Long after, Long before, int limit, Deadline deadline);

    /// The highest `seq` stored in `room`, 0 when none.
    long lastSeq(String room);

    /// The highest `seq` of every room and private conversation that has messages.
    java.util.Map<String, Long> lastSeqs();

    /// Full-text search over all rooms, newest first.
    List<Chat> search(String query, int limit);

    /// Full-text search over the messages of `rooms` only, newest first: a member must never
    /// see another room's text, and the limit counts only messages it may see.
    default List<Chat> search(String query, Collection<String> rooms, int limit) {
        return search(query, rooms, limit, Deadline.NONE);
    }

    /// [#search(String, Collection, int)], giving up with [OverBudget] once `deadline` has passed.
    List<Chat> search(String query, Collection<String> rooms, int limit, Deadline deadline);

    /// `room` has members (again): its numbering must go on, whatever is pruned.
    default void occupied(String room) {}

    /// `room` has no members any more: once it holds no messages either, the store may forget
    /// it entirely (a later message starts again at `seq` 1, which a member joining sees as a
    /// history started afresh).
    default void vacated(String room) {}

    @Override
    void close();
}
