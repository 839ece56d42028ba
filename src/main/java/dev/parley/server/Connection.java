package dev.parley.server;

import dev.parley.protocol.Message;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.websocket.core.CoreSession;
import org.eclipse.jetty.websocket.core.Frame;
import org.eclipse.jetty.websocket.core.OpCode;

/// One admitted WebSocket connection: its name, where it comes from, its rooms and its
/// [Outbox]. `rooms` keeps join order: a `chat` without a room goes to the first one.
final class Connection {

    private final CoreSession core;
    final String clientId;
    final String address;
    final boolean loopback;
    final String since;
    private final RateLimiter rate;
    /// The name belongs to this connection's key (design.md v2); never true without a key.
    final boolean claimed;
    /// Who sent a message, for recognising its resends: the claimed name, else the name asked
    /// for (a client that reconnects before its old connection is dropped is renamed `alice-2`).
    private final String origin;
    private final List<String> rooms = new ArrayList<>(2);
    private final AtomicBoolean gone = new AtomicBoolean();
    private final AtomicBoolean closingForFlood = new AtomicBoolean();
    private OneAtATime searches;  // guarded by this; made on the first search
    private Outbox outbox;
    private volatile String status = Message.Member.ONLINE;
    /// When a frame (or a pong) last came in: the idle check's clock.
    private volatile long lastHeardNanos = System.nanoTime();
    private volatile long lastDrainedNanos = System.nanoTime();

    /// A connection whose name is nobody's (protocol v1).
    Connection(CoreSession core, String clientId, String address, boolean loopback, String since, RateLimiter rate) {
        this(core, clientId, address, loopback, since, rate, false, clientId);
    }

    Connection(CoreSession core, String clientId, String address, boolean loopback, String since, RateLimiter rate,
            boolean claimed, String origin) {
        this.claimed = claimed;
        this.origin = origin.toLowerCase(java.util.Locale.ROOT);
        this.core = core;
        this.clientId = clientId;
        this.address = address;
        this.loopback = loopback;
        this.since = since;
        this.rate = rate;
    }

    /// The `cid` the store keeps for a message of this connection: its sender's own, so that
    /// someone else's same cid is never taken for a resend (null stays null).
    String resendKey(String cid) {
        return cid == null ? null : origin + '\n' + cid;
    }

    /// Takes one incoming frame from this connection's rate limit.
    RateLimiter.Verdict takeFrame() {
        return rate.take();
    }

    /// Sends a WebSocket ping (the peer's pong counts as [#heard]).
    void ping() {
        core.sendFrame(new Frame(OpCode.PING), Callback.NOOP, false);
    }

    /// Starts the close handshake now, without waiting for what is queued.
    void close(int code, String reason) {
        core.close(code, reason, Callback.NOOP);
    }

    /// Cuts the socket unless it is closed already.
    void abortIfOpen() {
        if (!core.isClosed()) {
            core.abort();
        }
    }

    void heard() {
        lastHeardNanos = System.nanoTime();
    }

    long silentNanos(long now) {
        return now - lastHeardNanos;
    }

    /// A send to it completed after waiting for room in the socket: it is reading.
    void drained() {
        lastDrainedNanos = System.nanoTime();
    }

    /// How long neither a frame from it arrived nor what we send it drained: a half-open peer does
    /// neither, a live one still reading a long backlog (its pongs behind it) does the second.
    long idleNanos(long now) {
        return now - Math.max(lastHeardNanos, lastDrainedNanos);
    }

    /// True once: the first caller starts closing this connection for flooding.
    boolean startClosingForFlood() {
        return closingForFlood.compareAndSet(false, true);
    }

    boolean isClosingForFlood() {
        return closingForFlood.get();
    }

    synchronized OneAtATime searches(Supplier<OneAtATime> make) {
        if (searches == null) {
            searches = make.get();
        }
        return searches;
    }

    void attach(Outbox newOutbox) {
        this.outbox = newOutbox;
    }

    void send(Outgoing frame) {
        outbox.offer(frame);
    }

    /// Queues without sending; [#flush] sends what is queued (see [Outbox#enqueue]).
    void queue(Outgoing frame) {
        outbox.enqueue(frame);
    }

    void flush() {
        outbox.flush();
    }

    /// Entries its outbox holds unsent, and the bytes of those that count against the slow-reader
    /// limit (tests).
    int unsentEntries() {
        return outbox.waiting();
    }

    long unsentBytes() {
        return outbox.queuedBytes();
    }

    /// Queues frames made when their turn comes (see [Outbox.Deferred]); false when closing.
    boolean defer(Outbox.Deferred deferred) {
        return outbox.defer(deferred);
    }

    String status() {
        return status;
    }

    void status(String value) {
        status = value;
    }

    void send(Message message) {
        outbox.offer(Outgoing.of(message));
    }

    void closeAfterFlush(int code, String reason) {
        outbox.closeAfterFlush(code, reason);
    }

    /// True once: the first caller cleans up.
    boolean markGone() {
        return gone.compareAndSet(false, true);
    }

    boolean isGone() {
        return gone.get();
    }

    synchronized boolean addRoom(String room) {
        if (rooms.contains(room)) {
            return false;
        }
        rooms.add(room);
        return true;
    }

    synchronized boolean removeRoom(String room) {
        return rooms.remove(room);
    }

    synchronized boolean inRoom(String room) {
        return rooms.contains(room);
    }

    synchronized String firstRoom() {
        return rooms.isEmpty() ? null : rooms.getFirst();
    }

    synchronized List<String> rooms() {
        return List.copyOf(rooms);
    }

    synchronized int roomCount() {
        return rooms.size();
    }
}
