package dev.parley.server;

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

    /// Up to `limit` messages of `room` with `after < seq < before` (either bound may be null),
    /// ascending by `seq`. Without `after`, the newest ones.
    List<Chat> page(String room, Long after, Long before, int limit);

    /// The highest `seq` stored in `room`, 0 when none.
    long lastSeq(String room);

    /// The highest `seq` of every room and private conversation that has messages.
    java.util.Map<String, Long> lastSeqs();

    /// Full-text search over all rooms, newest first.
    List<Chat> search(String query, int limit);

    /// Full-text search over the messages of `rooms` only, newest first: a member must never
    /// see another room's text, and the limit counts only messages it may see.
    List<Chat> search(String query, Collection<String> rooms, int limit);

    @Override
    void close();
}
