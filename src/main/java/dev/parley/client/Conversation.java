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
import java.util.LinkedHashSet;
import java.util.function.Consumer;

/// What a client says and hears, independent of any one connection: the joined rooms, the
/// outbox of unacknowledged messages, and the `seq` merge of every room (via [Catchup]).
/// Loop thread only.
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
    private final java.util.HashSet<String> droppedDms = new java.util.HashSet<>();

    Conversation(String firstRoom, Link link, Consumer<ClientEvent> emit) {
        this.link = link;
        this.emit = emit;
        this.catchup = new Catchup(link, emit);
        rooms.add(firstRoom);
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
        if (!rooms.contains(request.room())) {
            emit.accept(new Refused(ErrorCode.UNKNOWN_ROOM, "join '" + request.room() + "' before asking for its history", "history"));
            return;
        }
        catchup.requestPage(request, ready);
    }

    void sendChat(String cid, String room, String text) {
        var entry = outbox.add(cid, Outbox.Kind.CHAT, room, text);
        emit.accept(new ChatPending(cid, room, text));
        transmit(entry);
    }

    void sendDm(String cid, String to, String text) {
        transmit(outbox.add(cid, Outbox.Kind.DM, to, text));
    }

    void retry(String cid) {
        var entry = outbox.retry(cid);
        if (entry != null) {
            if (entry.kind() == Outbox.Kind.CHAT) {
                emit.accept(new ChatPending(cid, entry.target(), entry.text()));
            }
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
        }
        catchup.live(complete);
    }

    void dm(Message.Dm dm) {
        var acked = outbox.acknowledge(dm.cid());
        if (dm.id() != null && !seenDms.add(dm.id())) {
            return; // a resent dm the server answered again
        }
        if (seenDms.size() > 10_000) {
            seenDms.removeFirst();
        }
        emit.accept(new DmReceived(dm, acked != null || dm.from().equals(link.clientId())));
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
            emit.accept(new ChatFailed(entry.cid(), error.code(), error.message()));
            return false;
        }
        emit.accept(new Refused(error.code(), error.message(), error.ref()));
        return false;
    }

    private void transmit(Outbox.Entry entry) {
        if (entry.kind() == Outbox.Kind.DM && link.seed()) {
            outbox.fail(entry.cid());
            emit.accept(new ChatFailed(entry.cid(), ErrorCode.OTHER, "this server (the seed's) has no private messages"));
            return;
        }
        link.send(entry.kind() == Outbox.Kind.CHAT
                ? new SendChat(entry.text(), entry.target(), entry.cid())
                : new SendDm(entry.target(), entry.text(), entry.cid()));
    }

    /// The seed's chat has no room: it belongs to the room we are in.
    private Chat withRoom(Chat chat, Outbox.Entry acked) {
        var room = acked != null && acked.kind() == Outbox.Kind.CHAT ? acked.target() : firstRoom();
        return new Chat(chat.id(), room, chat.seq(), chat.from(), chat.text(), chat.time(), chat.cid(), chat.file());
    }
}
