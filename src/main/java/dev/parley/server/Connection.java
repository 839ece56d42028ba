package dev.parley.server;

import dev.parley.protocol.Message;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.jetty.websocket.core.CoreSession;

/// One admitted WebSocket connection: its name, where it comes from, its rooms and its
/// [Outbox]. `rooms` keeps join order: a `chat` without a room goes to the first one.
final class Connection {

    final CoreSession core;
    final String clientId;
    final String address;
    final boolean loopback;
    final String since;
    final RateLimiter rate;
    private final List<String> rooms = new ArrayList<>(2);
    private final AtomicBoolean gone = new AtomicBoolean();
    private final AtomicBoolean closingForFlood = new AtomicBoolean();
    private Outbox outbox;
    private volatile String status = Message.Member.ONLINE;
    /// When a frame (or a pong) last came in: the idle check's clock.
    private volatile long lastHeardNanos = System.nanoTime();

    Connection(CoreSession core, String clientId, String address, boolean loopback, String since, RateLimiter rate) {
        this.core = core;
        this.clientId = clientId;
        this.address = address;
        this.loopback = loopback;
        this.since = since;
        this.rate = rate;
    }

    void heard() {
        lastHeardNanos = System.nanoTime();
    }

    long silentNanos(long now) {
        return now - lastHeardNanos;
    }

    /// True once: the first caller starts closing this connection for flooding.
    boolean startClosingForFlood() {
        return closingForFlood.compareAndSet(false, true);
    }

    boolean isClosingForFlood() {
        return closingForFlood.get();
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
