package dev.parley.client;

import dev.parley.protocol.ErrorCode;
import dev.parley.protocol.Message;
import java.time.Duration;
import java.util.List;

/// What a [ParleyClient] reports. Chat arrives already merged by `seq`: each room message once,
/// in order, across reconnects.
public sealed interface ClientEvent {

    /// `reason` is null while connecting/connected; `retryIn` only with RECONNECTING.
    record StateChanged(ConnectionState state, DisconnectReason reason, Duration retryIn, String detail)
            implements ClientEvent {}

    /// The server's `welcome`; absent with a seed-only server (see [SeedServerDetected]).
    record Welcomed(Message.Welcome welcome) implements ClientEvent {}

    /// The server sends no `welcome`/`presence`/`history` (the seed's Bun server): chat works,
    /// the member list is not provided.
    record SeedServerDetected() implements ClientEvent {}

    /// A room message from anyone (own ones included, `own` true). Never delivered twice.
    record ChatReceived(Message.Chat chat, boolean own) implements ClientEvent {}

    /// A room message this client sent (its `cid`) waits for the server's acknowledgement.
    /// (A private message reports only its [DmReceived] echo, with `own` true, or [ChatFailed].)
    record ChatPending(String cid, String room, String text) implements ClientEvent {}

    /// The server acknowledged `cid`; `chat` is the stored message.
    record ChatAcknowledged(String cid, Message.Chat chat) implements ClientEvent {}

    /// A message could not be delivered and the client stopped trying (see [ParleyClient#retry]).
    record ChatFailed(String cid, ErrorCode code, String reason) implements ClientEvent {}

    /// A private message, once, merged by its conversation's `seq` (own ones included, `own`
    /// true, with their `cid` when the merge brought them before the acknowledgement).
    record DmReceived(Message.Dm dm, boolean own) implements ClientEvent {}

    /// A room's full member list (the first page of it in a large room; the rest follow as
    /// [PresenceUpdated]). It replaces what was known of the room.
    record PresenceChanged(String room, List<Message.Member> members) implements ClientEvent {}

    /// A change to a room's member list: `joined` are added or replace the member of the same
    /// `clientId` (a status change), `left` are gone. [ParleyClient#members] has the result.
    record PresenceUpdated(String room, List<Message.Member> joined, List<String> left) implements ClientEvent {}

    record SystemNotice(String text) implements ClientEvent {}

    record TypingNotice(String room, String from) implements ClientEvent {}

    /// The server refused something (`error`); the connection stays up.
    record Refused(ErrorCode code, String message, String ref) implements ClientEvent {}

    /// A page asked for with [ParleyClient#requestHistory] (catch-up after a reconnect is merged
    /// into [ChatReceived] instead).
    record HistoryPage(String room, List<Message.Chat> messages, boolean complete) implements ClientEvent {}

    /// A `wss://` server's certificate was accepted: `firstUse` true when nothing vouched for it
    /// and it was pinned now (trust on first use: show the fingerprint for the user to compare),
    /// false when it matched the pin or the expected fingerprint. Once per client and
    /// certificate, before [StateChanged] CONNECTED.
    record ServerTrusted(String fingerprint, boolean firstUse) implements ClientEvent {}

    /// The answer to [ParleyClient#search]: stored messages of the rooms this client is in,
    /// newest first.
    record SearchResults(String query, List<Message.Chat> messages) implements ClientEvent {}

    /// A search that got no answer: the server cannot search (the seed's, or an older one),
    /// this client is not connected, or the server refused it (`detail` says why).
    record SearchFailed(String query, Problem problem, String detail) implements ClientEvent {
        public enum Problem { UNSUPPORTED, NOT_CONNECTED, REFUSED }
    }

    // ---- line-level events: each message exactly once, whatever the server repeats ----

    /// A line to show: someone's message (merged by `seq`: once, in order, across reconnects),
    /// or one of this client's own, PENDING as soon as it is sent. An acknowledgement, the seed
    /// server's echo or a resend never adds a line again; they change it ([LineChanged]).
    record LineAdded(Line line) implements ClientEvent {}

    /// An own line changed state (PENDING → SENT with its `seq` and time, → FAILED, retried
    /// back to PENDING); `line.cid()` says which.
    record LineChanged(Line line) implements ClientEvent {}

    /// A conversation this client has not reported before: a joined room, or a private
    /// conversation (`welcome.conversations`, a message sent or received). `title` is the room's
    /// name or the other member's as the server spells it.
    record ConversationAppeared(String conversation, String title) implements ClientEvent {}

    /// `from` is typing in the private conversation with this client.
    record PrivateTyping(String from) implements ClientEvent {}

    /// Round-trip time of the last ping.
    record RoundTrip(Duration rtt) implements ClientEvent {}
}
