package dev.parley.client;

import dev.parley.client.ClientEvent.ChatAcknowledged;
import dev.parley.client.ClientEvent.ChatFailed;
import dev.parley.client.ClientEvent.ChatPending;
import dev.parley.client.ClientEvent.DmReceived;
import dev.parley.client.ClientEvent.Refused;
import dev.parley.protocol.ErrorCode;
import dev.parley.protocol.Message;
import dev.parley.protocol.Message.Chat;
import dev.parley.protocol.Message.SendChat;
import dev.parley.protocol.Message.SendDm;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.function.Consumer;

/// What a client says and hears, independent of any one connection: the joined rooms and
/// private conversations, the outbox of unacknowledged messages, and the `seq` merge of every
/// one of them (via [Catchup]; a private conversation merges under its id `@name`, see [Line]).
/// What the merge delivers becomes line events through [Lines]. Loop thread only.
final class Conversation {

    /// The current connection, as far as the conversation needs it.
    interface Link {
        /// Sends when a connection is up and greeted; false otherwise (the caller keeps the message).
        boolean send(Message.ToServer message);

        /// The name the server knows us by.
        String clientId();

        /// The server speaks only the seed's protocol (no rooms, no history, no cid).
        boolean seed();
    }

    private final Link link;
    private final Consumer<ClientEvent> emit;
    private final LinkedHashSet<String> rooms = new LinkedHashSet<>();
    private final Outbox outbox = new Outbox();
    private final Catchup catchup;
    private final LinkedHashSet<String> seenDms = new LinkedHashSet<>();
    private final HashSet<String> droppedDms = new HashSet<>();
    private final Lines lines;
    /// Private messages failed because the server was taken for the seed's (its `welcome` was late).
    private final LinkedHashSet<String> failedAsSeed = new LinkedHashSet<>();
    /// The other member's name as the server spells it, by private conversation id.
    private final HashMap<String, String> partners = new HashMap<>();

    Conversation(String firstRoom, Link link, Consumer<ClientEvent> emit) {
        this.link = link;
        this.emit = emit;
        this.lines = new Lines(emit);
        this.catchup = new Catchup(link, emit, this::merged);
        rooms.add(firstRoom);
    }

    /// `welcome.conversations`: each private conversation appears, and what was missed of it
    /// (or its recent messages, the first time) is asked for.
    void conversations(java.util.List<Message.ConversationSummary> summaries) {
        for (var summary : summaries.reversed()) {
            var id = partner(summary.with());
            catchup.conversation(id, summary.lastSeq());
        }
    }

    /// The id of the private conversation with `name`, which appears if it is new.
    private String partner(String name) {
        var id = Line.privateWith(name);
        partners.put(id, name);
        lines.appeared(id, name);
        return id;
    }

    /// The room to ask for in the handshake: the first one still joined.
    String firstRoom() {
        return rooms.isEmpty() ? null : rooms.getFirst();
    }

    Catchup catchup() {
        return catchup;
    }

    /// A connection is up and greeted: rejoin, catch up, resend what was not acknowledged.
    void ready() {
        rejoin();
        for (var entry : outbox.pending()) {
            transmit(entry);
        }
    }

    /// Joins the other rooms again and asks what was missed; nothing to do with a seed server.
    void rejoin() {
        if (link.seed()) {
            return;
        }
        var first = firstRoom();
        for (var room : rooms) {
            // The handshake joined the first room; the server sends its recent messages unasked.
            if (!room.equals(first)) {
                link.send(new Message.Join(room));
            }
            catchup.connected(room);
        }
    }

    void join(String room) {
        lines.appeared(room, room);
        if (rooms.add(room) && !link.seed() && link.send(new Message.Join(room))) {
            catchup.joining(room);
        }
    }

    void leave(String room) {
        if (rooms.remove(room)) {
            // Back in the room later, the user sees its recent messages, not all that was missed.
            catchup.forget(room);
            if (!link.seed()) {
                link.send(new Message.Leave(room));
            }
        }
    }

    /// A page for the listener ([ClientEvent.HistoryPage]); only rooms we are in have one.
    void requestHistory(Message.HistoryRequest request, boolean ready) {
        if (!rooms.contains(request.room()) && !Line.isPrivate(request.room())) {
            emit.accept(new Refused(ErrorCode.UNKNOWN_ROOM, "join '" + request.room() + "' before asking for its history", "history"));
            return;
        }
        catchup.requestPage(request, ready);
    }

    /// `file` is an uploaded file to share (null for plain text).
    void sendChat(String cid, String room, String text, Message.FileInfo file) {
        var entry = outbox.add(cid, Outbox.Kind.CHAT, room, text, file);
        emit.accept(new ChatPending(cid, room, text));
        lines.pending(cid, room, room, link.clientId(), text, file);
        transmit(entry);
    }

    void sendDm(String cid, String to, String text, Message.FileInfo file) {
        var entry = outbox.add(cid, Outbox.Kind.DM, to, text, file);
        var id = Line.privateWith(to);
        lines.pending(cid, id, partners.getOrDefault(id, to), link.clientId(), text, file);
        transmit(entry);
    }

    /// The server was Parley after all (a late `welcome`): the private messages failed as
    /// "the seed has none" go again.
    void notSeedAfterAll() {
        var again = java.util.List.copyOf(failedAsSeed);
        failedAsSeed.clear();
        again.forEach(this::retry);
    }

    void retry(String cid) {
        var entry = outbox.retry(cid);
        if (entry != null) {
            if (entry.kind() == Outbox.Kind.CHAT) {
                emit.accept(new ChatPending(cid, entry.target(), entry.text()));
            }
            lines.pending(cid, conversationOf(entry), entry.target(), link.clientId(), entry.text(), entry.file());
            transmit(entry);
        }
    }

    /// After `rate_limited` (which does not say which frame was dropped): sends every pending
    /// room message again. The server recognises a `cid` it stored and only acknowledges it
    /// again, so this cannot duplicate. A DM goes again only when the error named it: the server
    /// does not recognise a dm's `cid`, so resending one that was delivered would show it twice.
    void resendPendingChats() {
        for (var entry : outbox.pending()) {
            if (entry.kind() == Outbox.Kind.CHAT || droppedDms.remove(entry.cid())) {
                transmit(entry);
            }
        }
        droppedDms.clear();
    }

    /// The user gave up: every message still waiting fails.
    void failAll(String reason) {
        for (var entry : outbox.failAll()) {
            lines.failed(entry.cid());
            emit.accept(new ChatFailed(entry.cid(), ErrorCode.OTHER, reason));
        }
    }

    void chat(Chat chat) {
        var own = chat.from().equals(link.clientId());
        Outbox.Entry acked;
        // The seed has no cid: our own echo (same name, same text) acknowledges the oldest match.
        if (chat.cid() != null) {
            acked = outbox.acknowledge(chat.cid());
        } else {
            acked = own && chat.seq() <= 0 ? outbox.acknowledgeEcho(chat.text()) : null;
        }
        var complete = chat.room() == null ? withRoom(chat, acked) : chat;
        if (acked != null) {
            emit.accept(new ChatAcknowledged(acked.cid(), complete.withCid(acked.cid())));
            lines.acknowledged(acked.cid(), complete);
        }
        catchup.live(complete);
    }

    /// A live `dm`: merged by `seq` in its conversation like a room message. A server without
    /// numbered private messages (protocol v1) has each delivered as it comes, once by its id.
    void dm(Message.Dm dm) {
        boolean mine = dm.from().equalsIgnoreCase(link.clientId());
        var id = partner(mine ? dm.to() : dm.from());
        var chat = new Chat(dm.id(), id, dm.seq(), dm.from(), dm.text(), dm.time(), dm.cid(), dm.file());
        var acked = outbox.acknowledge(dm.cid());
        if (acked != null) {
            lines.acknowledged(acked.cid(), chat);
        }
        if (dm.seq() > 0) {
            catchup.live(chat);
            return;
        }
        if (dm.id() != null && !seenDms.add(dm.id())) {
            return; // a resent dm the server answered again
        }
        if (seenDms.size() > 10_000) {
            seenDms.removeFirst();
        }
        emit.accept(new DmReceived(dm, acked != null || mine));
        if (acked == null) {
            lines.merged(chat, mine);
        }
    }

    /// A message the merge delivers: once, in `seq` order, for each room and conversation.
    private void merged(Chat chat) {
        boolean mine = chat.from().equalsIgnoreCase(link.clientId());
        var matched = lines.merged(chat, mine);
        if (matched != null) {
            outbox.acknowledge(matched); // stored before the connection was lost; its resend is answered as a repeat
        }
        if (Line.isPrivate(chat.room())) {
            var partner = partners.getOrDefault(chat.room(), chat.room().substring(1));
            emit.accept(new DmReceived(new Message.Dm(chat.id(), chat.seq(), chat.from(),
                    mine ? partner : link.clientId(), chat.text(), chat.time(), matched, chat.file()), mine));
        } else {
            if (matched != null) {
                emit.accept(new ChatAcknowledged(matched, chat.withCid(matched)));
            }
            emit.accept(new ClientEvent.ChatReceived(chat, mine));
        }
    }

    private static String conversationOf(Outbox.Entry entry) {
        return entry.kind() == Outbox.Kind.CHAT ? entry.target() : Line.privateWith(entry.target());
    }

    /// An `error`: a refused message of ours fails; anything else is reported as it is.
    /// Returns true for `rate_limited`: something we sent was dropped and should go again.
    boolean error(Message.Error error) {
        if (error.code() == ErrorCode.RATE_LIMITED) {
            var dropped = outbox.get(error.ref());
            if (dropped != null && dropped.kind() == Outbox.Kind.DM) {
                droppedDms.add(dropped.cid()); // named as dropped: safe to send again
            }
            emit.accept(new Refused(error.code(), error.message(), error.ref()));
            return true;
        }
        var entry = outbox.get(error.ref());
        if (entry != null && !entry.failed()) {
            outbox.fail(entry.cid());
            lines.failed(entry.cid());
            emit.accept(new ChatFailed(entry.cid(), error.code(), error.message()));
            return false;
        }
        emit.accept(new Refused(error.code(), error.message(), error.ref()));
        return false;
    }

    private void transmit(Outbox.Entry entry) {
        if (entry.kind() == Outbox.Kind.DM && link.seed()) {
            outbox.fail(entry.cid());
            lines.failed(entry.cid());
            failedAsSeed.add(entry.cid());
            emit.accept(new ChatFailed(entry.cid(), ErrorCode.OTHER, "this server (the seed's) has no private messages"));
            return;
        }
        link.send(entry.kind() == Outbox.Kind.CHAT
                ? new SendChat(entry.text(), entry.target(), entry.cid(), entry.file())
                : new SendDm(entry.target(), entry.text(), entry.cid(), entry.file()));
    }

    /// The seed's chat has no room: it belongs to the room we are in.
    private Chat withRoom(Chat chat, Outbox.Entry acked) {
        var room = acked != null && acked.kind() == Outbox.Kind.CHAT ? acked.target() : firstRoom();
        return new Chat(chat.id(), room, chat.seq(), chat.from(), chat.text(), chat.time(), chat.cid(), chat.file());
    }
}
