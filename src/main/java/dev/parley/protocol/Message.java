package dev.parley.protocol;

import java.util.List;

/// Every message of wire protocol v1 (design.md). [ToServer] is what a client sends, [ToClient]
/// what a server sends; [Codec] maps both to and from JSON `{"type": …, "payload": …}`.
/// Optional fields are `null` when absent.
public sealed interface Message {

    /// The wire `type` of this message.
    String type();

    /// Client → server.
    sealed interface ToServer extends Message {}

    /// Server → client.
    sealed interface ToClient extends Message {}

    // ---- client → server ----

    /// `chat {text, room?, cid?}`; without a room it goes to the sender's first room (the seed's form).
    /// With `file` (v2) it shares an uploaded file; `text` is then a caption and may be empty.
    record SendChat(String text, String room, String cid, FileInfo file) implements ToServer {
        public String type() { return "chat"; }

        public SendChat(String text, String room, String cid) {
            this(text, room, cid, null);
        }
    }

    /// `dm {to, text, cid?, file?}`.
    record SendDm(String to, String text, String cid, FileInfo file) implements ToServer {
        public String type() { return "dm"; }

        public SendDm(String to, String text, String cid) {
            this(to, text, cid, null);
        }
    }

    /// A shared file (v2). A client sends `{sha256, name, mime?}`; the server's messages carry
    /// every field it knows: `size`, the sniffed `mime`, the capability `url`, and for a raster
    /// image its `width`, `height` and a `thumb` url. Absent fields are null.
    record FileInfo(String sha256, String name, Long size, String mime, String url, String thumb,
                    Integer width, Integer height) {}

    /// `welcome.files` (v2): the largest upload and this connection's upload token.
    record FileUploads(long maxBytes, String token) {}

    record Join(String room) implements ToServer {
        public String type() { return "join"; }
    }

    record Leave(String room) implements ToServer {
        public String type() { return "leave"; }
    }

    /// `typing {room}` from a client; the server relays it as [TypingNotice].
    record Typing(String room) implements ToServer {
        public String type() { return "typing"; }
    }

    /// `history {room, after?, before?, limit?}`, by `seq`.
    record HistoryRequest(String room, Long after, Long before, Integer limit) implements ToServer {
        public String type() { return "history"; }
    }

    /// `ping {t?}`; the server echoes `t` in [Pong].
    record Ping(Double t) implements ToServer {
        public String type() { return "ping"; }
    }

    /// `history {with, after?, before?, limit?}`: a page of the private conversation with `with`
    /// (protocol v2), by `seq`. Only its two members can read it.
    record ConversationHistoryRequest(String with, Long after, Long before, Integer limit) implements ToServer {
        public String type() { return "history"; }
    }

    /// `typing {to}`: typing in the private conversation with `to` (protocol v2).
    record TypingTo(String to) implements ToServer {
        public String type() { return "typing"; }
    }

    /// `search {query, room?, limit?}` — an addition to v1: stored messages of the sender's rooms
    /// (or of `room`, one of them) containing every term of `query`. An older server answers `error`.
    record Search(String query, String room, Integer limit) implements ToServer {
        public String type() { return "search"; }
    }

    /// `status {status}` — v2: the sender's status in every room it is in, one of
    /// [Member#STATUSES]; the rooms see it as a `presence` delta. It lasts while the connection does.
    record SetStatus(String status) implements ToServer {
        public String type() { return "status"; }
    }

    // ---- server → client ----

    record ServerInfo(String name, String version) {}

    record AdvertisedLimits(int maxTextChars, int maxFrameBytes, double messagesPerSecond) {}

    /// One private conversation of `welcome.conversations`: the other member and the last `seq`.
    record ConversationSummary(String with, long lastSeq) {}

    /// First frame after open. `renamedFrom` is the requested name when it was taken and the
    /// server gave `clientId` = `NAME-2`, … `claimed` says the name belongs to this connection's
    /// key; `conversations` are its private conversations, newest first (protocol v2).
    record Welcome(String clientId, String room, List<String> rooms, ServerInfo server,
                   AdvertisedLimits limits, String renamedFrom, boolean claimed,
                   List<ConversationSummary> conversations, FileUploads files) implements ToClient {
        public Welcome {
            conversations = conversations == null ? List.of() : List.copyOf(conversations);
        }

        /// Without file uploads.
        public Welcome(String clientId, String room, List<String> rooms, ServerInfo server,
                       AdvertisedLimits limits, String renamedFrom, boolean claimed,
                       List<ConversationSummary> conversations) {
            this(clientId, room, rooms, server, limits, renamedFrom, claimed, conversations, null);
        }

        public String type() { return "welcome"; }

        /// A v1 welcome: no claim, no conversations, no file uploads.
        public Welcome(String clientId, String room, List<String> rooms, ServerInfo server,
                       AdvertisedLimits limits, String renamedFrom) {
            this(clientId, room, rooms, server, limits, renamedFrom, false, List.of(), null);
        }
    }

    /// `system` with a plain string payload, the seed's shape: `"alice joined"`.
    record SystemNotice(String text) implements ToClient {
        public String type() { return "system"; }
    }

    /// One member of a room. `since` is an ISO-8601 instant; `address` is only sent to
    /// connections from the host's own machine (loopback), so the host sees who connects from where.
    /// `status` is one of [#STATUSES] (v2; [#ONLINE] when a server does not say).
    record Member(String clientId, String since, String address, String status) {
        public static final String ONLINE = "online";
        public static final java.util.Set<String> STATUSES = java.util.Set.of(ONLINE, "away", "dnd");

        public Member {
            status = status == null ? ONLINE : status;
        }

        public Member(String clientId, String since, String address) {
            this(clientId, since, address, ONLINE);
        }
    }

    /// The full member list of a room (v1's only form): the joiner's first `presence`. In a large
    /// room it is the first page; the rest follow as [PresenceChange]s that only add.
    record Presence(String room, List<Member> members) implements ToClient {
        public String type() { return "presence"; }
    }

    /// `presence {room, joined, left}` — v2: what changed since the last `presence`. A member in
    /// `joined` is added or replaces the one of the same `clientId` (a status change);
    /// `left` lists the `clientId`s that are gone.
    record PresenceChange(String room, List<Member> joined, List<String> left) implements ToClient {
        public String type() { return "presence"; }
    }

    /// A room message. `seq` is 0 when the server does not number messages (the seed's server);
    /// `cid` is only on the copy returned to its sender — the acknowledgement.
    record Chat(String id, String room, long seq, String from, String text, String time, String cid,
                FileInfo file) implements ToClient {
        public String type() { return "chat"; }

        public Chat(String id, String room, long seq, String from, String text, String time, String cid) {
            this(id, room, seq, from, text, time, cid, null);
        }

        public Chat withCid(String newCid) {
            return new Chat(id, room, seq, from, text, time, newCid, file);
        }
    }

    /// A private message. `seq` numbers the conversation of `from` and `to` (0 from a server
    /// that does not store private messages); `cid` only on the sender's copy, the acknowledgement.
    record Dm(String id, long seq, String from, String to, String text, String time, String cid,
              FileInfo file) implements ToClient {
        /// Without a file.
        public Dm(String id, long seq, String from, String to, String text, String time, String cid) {
            this(id, seq, from, to, text, time, cid, null);
        }

        public String type() { return "dm"; }

        /// Without a `seq` (protocol v1) and without a file.
        public Dm(String id, String from, String to, String text, String time, String cid) {
            this(id, 0, from, to, text, time, cid, null);
        }

        public Dm withCid(String newCid) {
            return new Dm(id, seq, from, to, text, time, newCid, file);
        }
    }

    /// `history {with, messages:[dm…], complete}`: a page of a private conversation.
    record ConversationHistory(String with, List<Dm> messages, boolean complete) implements ToClient {
        public String type() { return "history"; }
    }

    /// `typing {from, to}`: `from` is typing to `to` in their private conversation.
    record ConversationTyping(String from, String to) implements ToClient {
        public String type() { return "typing"; }
    }

    record History(String room, List<Chat> messages, boolean complete) implements ToClient {
        public String type() { return "history"; }
    }

    /// `results {query, room?, messages:[chat…]}`, the answer to [Search]: newest first.
    record SearchResults(String query, String room, List<Chat> messages) implements ToClient {
        public String type() { return "results"; }
    }

    record TypingNotice(String room, String from) implements ToClient {
        public String type() { return "typing"; }
    }

    record Pong(Double t) implements ToClient {
        public String type() { return "pong"; }
    }

    /// A refusal; the connection stays open. `ref` names what was refused (the `cid`, or the type);
    /// a refused `history` also names its `room`, or the conversation it was `with`, so that the
    /// client knows which catch-up to ask again.
    record Error(ErrorCode code, String message, String ref, String room, String with) implements ToClient {
        public Error(ErrorCode code, String message, String ref) {
            this(code, message, ref, null, null);
        }

        public String type() { return "error"; }
    }
}
