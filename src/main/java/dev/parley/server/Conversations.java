package dev.parley.server;

import dev.parley.protocol.ChatFrames;
import dev.parley.protocol.ErrorCode;
import dev.parley.protocol.Limits;
import dev.parley.protocol.Message;
import dev.parley.protocol.Message.Chat;
import dev.parley.protocol.Message.ConversationSummary;
import dev.parley.protocol.Message.Dm;
import dev.parley.server.history.Deadline;
import dev.parley.server.history.HistoryStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/// Private conversations (design.md v2): stored like room messages under a key of their own,
/// one `seq` per pair of names, delivered once stored, to an offline claimed name when it
/// returns. Only the two members read one; a member without a claimed name reads none (anyone
/// may take an unclaimed name next).
///
/// Ordering: each conversation appends under its own lock; the stores complete one key's
/// futures in `seq` order (at once in memory, on one thread in SQLite), so deliveries go out in
/// `seq` order too.
final class Conversations {

    /// Most conversations a `welcome` lists (design.md).
    static final int MAX_LISTED = 200;

    /// One conversation: its lock, and when it last had a message (for "newest first").
    private static final class Activity {
        volatile long lastMs;
    }

    private final HistoryStore store;
    private final ReadLanes reads;
    private final Limits limits;
    private final Members members;
    private final NameClaims claims;
    private final ErrorReplies errors;
    private final ConcurrentHashMap<String, Activity> activity = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, Set<String>> byMember = new ConcurrentHashMap<>();

    Conversations(HistoryStore store, ReadLanes reads, Limits limits, Members members, NameClaims claims,
            ErrorReplies errors) {
        this.store = store;
        this.reads = reads;
        this.limits = limits;
        this.members = members;
        this.claims = claims;
        this.errors = errors;
        for (var key : store.lastSeqs().keySet()) {
            if (isKey(key)) {
                index(key, -1);
            }
        }
    }

    /// The store's name for the conversation of `a` and `b`: not a valid room name (`@`), the
    /// two lower-case names in order, split by a newline (which no name contains).
    static String key(String a, String b) {
        var x = a.toLowerCase(Locale.ROOT);
        var y = b.toLowerCase(Locale.ROOT);
        return x.compareTo(y) <= 0 ? "@" + x + "\n" + y : "@" + y + "\n" + x;
    }

    static boolean isKey(String room) {
        return room.startsWith("@") && room.indexOf('\n') > 0;
    }

    /// The member of conversation `key` who is not `self` (lower case).
    static String other(String key, String self) {
        int split = key.indexOf('\n');
        var first = key.substring(1, split);
        var second = key.substring(split + 1);
        return first.equals(self.toLowerCase(Locale.ROOT)) ? second : first;
    }

    void send(Connection from, Message.SendDm dm, Message.FileInfo file) {
        var ref = dm.cid() != null ? dm.cid() : "dm";
        var online = members.byName(dm.to());
        if (online == null && !claims.claimed(dm.to())) {
            errors.refuse(from, ErrorCode.UNKNOWN_USER, "nobody called '" + dm.to() + "' is connected or owns that name", ref);
            return;
        }
        var to = online != null ? online.clientId : spelling(dm.to());
        var key = key(from.clientId, to);
        var lock = activity.computeIfAbsent(key, k -> new Activity());
        synchronized (lock) {
            CompletableFuture<HistoryStore.Stored> stored;
            try {
                stored = store.append(key, from.clientId, dm.text(), from.resendKey(dm.cid()), Instant.now(), file);
            } catch (RuntimeException failure) {
                stored = CompletableFuture.failedFuture(failure);
            }
            stored.whenComplete((done, failure) -> deliver(key, from, to, dm.cid(), done, failure));
        }
    }

    private void deliver(String key, Connection from, String to, String cid, HistoryStore.Stored stored, Throwable failure) {
        if (failure != null) {
            errors.refuse(from, ErrorCode.OTHER, "the message could not be stored; send it again", cid != null ? cid : "dm");
            return;
        }
        var chat = stored.chat();
        var dm = new Dm(chat.id(), chat.seq(), chat.from(), to, chat.text(), chat.time(), null, chat.file());
        if (!stored.duplicate()) {
            index(key, Instant.parse(chat.time()).toEpochMilli());
            var recipient = members.byName(to);
            if (recipient != null && recipient != from) {
                recipient.send(dm);
            }
        }
        from.send(cid == null ? dm : dm.withCid(cid));
    }

    /// `history {with, after?, before?, limit?}`: only a claimed name reads its conversations,
    /// on the history lane within the read budget, as a room's history.
    void history(Connection connection, Message.ConversationHistoryRequest request) {
        if (!connection.claimed) {
            errors.refuse(connection, ErrorCode.UNKNOWN_USER,
                    "only a name that belongs to you (connect with a key) has stored conversations", "history");
            return;
        }
        int limit = request.limit() != null ? request.limit() : Requests.DEFAULT_HISTORY_PAGE;
        var key = key(connection.clientId, request.with());
        var with = spelling(request.with());
        var deadline = Deadline.after(limits.readBudget());
        reads.history(false, () -> {
            if (connection.isGone()) {
                return;
            }
            List<Chat> page;
            try {
                page = store.page(key, request.after(), request.before(), limit, deadline);
            } catch (HistoryStore.OverBudget late) {
                errors.send(connection, new Message.Error(ErrorCode.TOO_BUSY,
                        "this conversation took too long to read; ask again later", "history", null, request.with()));
                return;
            } catch (RuntimeException unreadable) {
                errors.send(connection, new Message.Error(ErrorCode.OTHER,
                        "this conversation cannot be read right now", "history", null, request.with()));
                return;
            }
            connection.send(Outgoing.ofJson(ChatFrames.conversation(with, dms(connection, with, page), page.size() < limit,
                    request.after() != null, limits.maxFrameBytes())));
        });
    }

    private static List<Dm> dms(Connection connection, String with, List<Chat> chats) {
        var result = new ArrayList<Dm>(chats.size());
        for (var chat : chats) {
            var to = chat.from().equalsIgnoreCase(connection.clientId) ? with : connection.clientId;
            result.add(new Dm(chat.id(), chat.seq(), chat.from(), to, chat.text(), chat.time(), null, chat.file()));
        }
        return result;
    }

    void typing(Connection connection, Message.TypingTo typing) {
        var recipient = members.byName(typing.to());
        if (recipient == null) {
            errors.refuse(connection, ErrorCode.UNKNOWN_USER, "nobody called '" + typing.to() + "' is connected", "typing");
        } else if (recipient != connection) {
            recipient.send(new Message.ConversationTyping(connection.clientId, recipient.clientId));
        }
    }

    /// `welcome.conversations` of a claimed name: newest first, at most [#MAX_LISTED].
    List<ConversationSummary> summaries(Connection connection) {
        if (!connection.claimed) {
            return List.of();
        }
        var keys = byMember.getOrDefault(connection.clientId.toLowerCase(Locale.ROOT), Set.of());
        return keys.stream()
                .sorted(Comparator.comparingLong(this::lastMs).reversed())
                .limit(MAX_LISTED)
                .map(key -> new ConversationSummary(spelling(other(key, connection.clientId)), store.lastSeq(key)))
                .filter(summary -> summary.lastSeq() > 0)
                .toList();
    }

    /// What was stored for a member between its `welcome` and its registration (no live
    /// delivery found it then), sent as live `dm`s; the client merges by `seq`.
    void topUp(Connection connection, List<ConversationSummary> listed) {
        for (var summary : listed) {
            var key = key(connection.clientId, summary.with());
            if (store.lastSeq(key) > summary.lastSeq()) {
                try {
                    var missed = store.page(key, summary.lastSeq(), null, Limits.MAX_HISTORY_PAGE);
                    dms(connection, summary.with(), missed).forEach(connection::send);
                } catch (RuntimeException unreadable) {
                    // The client asks for the conversation when the next message shows a gap.
                }
            }
        }
    }

    /// The keys of the conversations `connection` may search (none without a claimed name).
    List<String> searchable(Connection connection) {
        return connection.claimed
                ? List.copyOf(byMember.getOrDefault(connection.clientId.toLowerCase(Locale.ROOT), Set.of()))
                : List.of();
    }

    /// A search result of a conversation, as the member sees it: room `@OTHER`.
    static Chat asResult(Chat chat, String self) {
        return isKey(chat.room()) ? new Chat(chat.id(), "@" + other(chat.room(), self), chat.seq(), chat.from(),
                chat.text(), chat.time(), null) : chat;
    }

    private void index(String key, long lastMs) {
        var entry = activity.computeIfAbsent(key, k -> new Activity());
        if (lastMs >= 0) {
            entry.lastMs = lastMs;
        }
        int split = key.indexOf('\n');
        for (var member : List.of(key.substring(1, split), key.substring(split + 1))) {
            byMember.computeIfAbsent(member, m -> ConcurrentHashMap.newKeySet()).add(key);
        }
    }

    /// When `key` last had a message; read from the store once after a restart.
    private long lastMs(String key) {
        var entry = activity.computeIfAbsent(key, k -> new Activity());
        if (entry.lastMs <= 0) {
            try {
                var last = store.page(key, null, null, 1);
                entry.lastMs = last.isEmpty() ? 1 : Instant.parse(last.getFirst().time()).toEpochMilli();
            } catch (RuntimeException unreadable) {
                entry.lastMs = 1;
            }
        }
        return entry.lastMs;
    }

    /// How the server writes `name`: as it is connected, else as its owner claimed it.
    private String spelling(String name) {
        var online = members.byName(name);
        if (online != null) {
            return online.clientId;
        }
        var claimed = claims.spelling(name);
        return claimed != null ? claimed : name;
    }
}
