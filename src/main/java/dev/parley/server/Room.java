package dev.parley.server;

import dev.parley.protocol.ErrorCode;
import dev.parley.protocol.Message;
import dev.parley.server.history.HistoryStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
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

    /// Where a room's chats go: the store, the executor that delivers what the store completes
    /// later, and the metrics that time each broadcast.
    record ChatPath(HistoryStore store, Executor delivery, Metrics metrics) {}

    private static final Connection[] NOBODY = new Connection[0];

    /// Messages queued to every member before their sockets are flushed.
    static final int MAX_CORK = 32;
    static final long MAX_CORK_BYTES = 16 * 1024;

    final String name;
    private volatile Connection[] members = NOBODY;
    private boolean dead;
    private final Object appendLock = new Object();
    private final ConcurrentLinkedQueue<Pending> pending = new ConcurrentLinkedQueue<>();
    private final ReentrantLock drainLock = new ReentrantLock();
    private final AtomicBoolean presenceQueued = new AtomicBoolean();
    private final Roster roster;
    private final AtomicBoolean drainScheduled = new AtomicBoolean();
    private final ChatPath path;

    Room(String name, int maxFrameBytes, ChatPath path) {
        this.name = name;
        this.roster = new Roster(name, maxFrameBytes);
        this.path = path;
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
            roster.seat(member);
        }
        return true;
    }

    /// Removes `member`; returns true when the room is now empty (and dead).
    synchronized boolean remove(Connection member) {
        var list = new ArrayList<>(Arrays.asList(members));
        list.remove(member);
        members = list.toArray(NOBODY);
        roster.unseat(member);
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

    /// Publishes the presence changes gathered since the last call: every member catches up
    /// when its outbox reaches it (see [Roster]).
    void sendPresence() {
        presenceQueued.set(false);
        for (var cursor : roster.publish()) {
            cursor.poke();
        }
    }

    /// The member's status changed; true when it is here (the caller schedules the presence).
    boolean statusChanged(Connection member) {
        roster.reseat(member);
        return roster.hasChanges();
    }

    /// Sends `viewer` the full list (again), after what is already queued to it.
    void sendPresenceTo(Connection viewer) {
        roster.watch(viewer).poke();
    }

    Roster roster() {
        return roster;
    }

    /// Stores a chat and delivers it once stored. A store that completes later (SQLite's writer,
    /// a committed batch at a time) hands delivery to the path's `delivery`, so the writer goes
    /// back to writing while the batch is sent, and the batch goes out corked: a member gets it
    /// in one socket write instead of a write per message. `file` is what `chat` shares as the
    /// server holds it (null for none); `startNanos`, when the frame arrived.
    void submit(Connection from, Message.SendChat chat, Message.FileInfo file, long startNanos) {
        var metrics = path.metrics();
        var cid = chat.cid();
        Pending entry;
        synchronized (appendLock) {
            CompletableFuture<HistoryStore.Stored> stored;
            try {
                stored = path.store().append(name, from.clientId, chat.text(), from.resendKey(cid), Instant.now(), file);
            } catch (RuntimeException failure) {
                stored = CompletableFuture.failedFuture(failure);
            }
            entry = new Pending(from, cid, stored, startNanos);
            pending.add(entry);
        }
        if (entry.stored().isDone()) {
            // Stored at once (in memory): deliver on the reading thread, which keeps a sender
            // from reading faster than its messages go out.
            drain(metrics);
        } else {
            entry.stored().whenComplete((ignored, failure) -> scheduleDrain(path.delivery(), metrics));
        }
    }

    private void scheduleDrain(Executor delivery, Metrics metrics) {
        if (!drainScheduled.compareAndSet(false, true)) {
            return; // a drain is queued and has not started: it will see this message too
        }
        try {
            delivery.execute(() -> {
                drainScheduled.set(false);
                drain(metrics);
            });
        } catch (RejectedExecutionException stopping) {
            drainScheduled.set(false);
            drain(metrics);
        }
    }

    private void drain(Metrics metrics) {
        while (drainLock.tryLock()) {
            try {
                deliverReady(metrics);
            } finally {
                drainLock.unlock();
            }
            var head = pending.peek();
            if (head == null || !head.stored().isDone()) {
                return;
            }
        }
    }

    /// Delivers the stored messages at the head of `pending`, corked: each is queued to every
    /// member, then every member is flushed once, so k messages that became ready together cost
    /// one socket write per member instead of k (SQLite's group commit completes them in bursts).
    /// At most [#MAX_CORK] messages or [#MAX_CORK_BYTES] a round: a member's unsent queue is
    /// what the slow-reader limit counts, and a huge round would make a healthy reader look slow.
    private void deliverReady(Metrics metrics) {
        var memberLists = new ArrayList<Connection[]>(1);
        var senders = new ArrayList<Connection>();
        Pending head;
        int corked = 0;
        long corkedBytes = 0;
        while (corked++ < MAX_CORK && corkedBytes < MAX_CORK_BYTES
                && (head = pending.peek()) != null && head.stored().isDone()) {
            pending.poll();
            // The member list of this very message: one who joined a moment ago gets it.
            var snapshot = members;
            if (memberLists.isEmpty() || memberLists.getLast() != snapshot) {
                memberLists.add(snapshot);
            }
            senders.add(head.from());
            corkedBytes += deliver(head, snapshot, metrics);
        }
        for (var list : memberLists) {
            for (var member : list) {
                member.flush();
            }
        }
        for (var sender : senders) {
            sender.flush();
        }
    }

    /// Queues one stored message to everybody; returns the bytes queued to each member.
    private int deliver(Pending entry, Connection[] snapshot, Metrics metrics) {
        var from = entry.from();
        HistoryStore.Stored stored;
        try {
            stored = entry.stored().join();
        } catch (RuntimeException failure) {
            metrics.refused(ErrorCode.OTHER);
            from.send(new Message.Error(ErrorCode.OTHER, "the message could not be stored; send it again",
                    entry.cid() != null ? entry.cid() : "chat"));
            return 0;
        }
        var chat = stored.chat();
        var shared = stored.duplicate() ? null : Outgoing.of(chat.withCid(null));
        if (shared != null) {
            for (var member : snapshot) {
                if (member != from) {
                    member.queue(shared);
                }
            }
        }
        // The sender's copy carries its cid: the acknowledgement (also for a repeated cid).
        var own = entry.cid() == null ? shared : Outgoing.of(chat.withCid(entry.cid()));
        from.queue(own);
        metrics.broadcastTook(System.nanoTime() - entry.startNanos());
        return own.size();
    }
}
