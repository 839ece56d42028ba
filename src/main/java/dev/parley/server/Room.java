package dev.parley.server;

import dev.parley.protocol.ErrorCode;
import dev.parley.protocol.Message;
import dev.parley.protocol.Message.Member;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;

/// A room: its members and the ordered path from `chat` to broadcast.
///
/// Members live in a copy-on-write array (changed under the room's monitor, read without a
/// lock by every broadcast). Chats are appended to the store under `appendLock` and queued in
/// `pending` in the same order, so however the store completes its futures, [#drain] delivers
/// in `seq` order: one drainer at a time, encode once, queue to every member's [Outbox].
final class Room {

    private record Pending(Connection from, String cid, CompletableFuture<HistoryStore.Stored> stored, long startNanos) {}

    private static final Connection[] NOBODY = new Connection[0];

    final String name;
    private volatile Connection[] members = NOBODY;
    private boolean dead;
    private final Object appendLock = new Object();
    private final ConcurrentLinkedQueue<Pending> pending = new ConcurrentLinkedQueue<>();
    private final ReentrantLock drainLock = new ReentrantLock();
    private final AtomicBoolean presenceQueued = new AtomicBoolean();

    Room(String name) {
        this.name = name;
    }

    /// False when the room was emptied and removed meanwhile: the caller gets a fresh one.
    synchronized boolean add(Connection member) {
        if (dead) {
            return false;
        }
        if (!Arrays.asList(members).contains(member)) {
            var grown = Arrays.copyOf(members, members.length + 1);
            grown[members.length] = member;
            members = grown;
        }
        return true;
    }

    /// Removes `member`; returns true when the room is now empty (and dead).
    synchronized boolean remove(Connection member) {
        var list = new ArrayList<>(Arrays.asList(members));
        list.remove(member);
        members = list.toArray(NOBODY);
        dead = members.length == 0;
        return dead;
    }

    Connection[] members() {
        return members;
    }

    void broadcast(Outgoing frame) {
        for (var member : members) {
            member.send(frame);
        }
    }

    void broadcastExcept(Outgoing frame, Connection except) {
        for (var member : members) {
            if (member != except) {
                member.send(frame);
            }
        }
    }

    /// True when the caller should schedule the (coalesced) presence broadcast.
    boolean queuePresence() {
        return presenceQueued.compareAndSet(false, true);
    }

    /// Sends the current member list: with addresses to members on the host itself.
    void sendPresence() {
        presenceQueued.set(false);
        var snapshot = members;
        if (snapshot.length == 0) {
            return;
        }
        Outgoing plain = null;
        Outgoing withAddresses = null;
        for (var member : snapshot) {
            if (member.loopback) {
                withAddresses = withAddresses != null ? withAddresses : Outgoing.of(presence(snapshot, true));
                member.send(withAddresses);
            } else {
                plain = plain != null ? plain : Outgoing.of(presence(snapshot, false));
                member.send(plain);
            }
        }
    }

    Message.Presence presenceFor(Connection viewer) {
        return presence(members, viewer.loopback);
    }

    private Message.Presence presence(Connection[] snapshot, boolean withAddresses) {
        var list = new ArrayList<Member>(snapshot.length);
        for (var member : snapshot) {
            list.add(new Member(member.clientId, member.since, withAddresses ? member.address : null));
        }
        return new Message.Presence(name, list);
    }

    void submit(HistoryStore store, Metrics metrics, Connection from, String text, String cid, long startNanos) {
        Pending entry;
        synchronized (appendLock) {
            CompletableFuture<HistoryStore.Stored> stored;
            try {
                stored = store.append(name, from.clientId, text, cid, Instant.now());
            } catch (RuntimeException failure) {
                stored = CompletableFuture.failedFuture(failure);
            }
            entry = new Pending(from, cid, stored, startNanos);
            pending.add(entry);
        }
        entry.stored().whenComplete((ignored, failure) -> drain(metrics));
    }

    private void drain(Metrics metrics) {
        while (drainLock.tryLock()) {
            try {
                Pending head;
                while ((head = pending.peek()) != null && head.stored().isDone()) {
                    pending.poll();
                    deliver(head, metrics);
                }
            } finally {
                drainLock.unlock();
            }
            var head = pending.peek();
            if (head == null || !head.stored().isDone()) {
                return;
            }
        }
    }

    private void deliver(Pending entry, Metrics metrics) {
        var from = entry.from();
        HistoryStore.Stored stored;
        try {
            stored = entry.stored().join();
        } catch (RuntimeException failure) {
            metrics.refused(ErrorCode.OTHER);
            from.send(new Message.Error(ErrorCode.OTHER, "the message could not be stored; send it again",
                    entry.cid() != null ? entry.cid() : "chat"));
            return;
        }
        var chat = stored.chat();
        var shared = stored.duplicate() ? null : Outgoing.of(chat.withCid(null));
        if (shared != null) {
            broadcastExcept(shared, from);
        }
        // The sender's copy carries its cid: the acknowledgement (also for a repeated cid).
        from.send(entry.cid() == null ? shared : Outgoing.of(chat.withCid(entry.cid())));
        metrics.broadcastTook(System.nanoTime() - entry.startNanos());
    }
}
