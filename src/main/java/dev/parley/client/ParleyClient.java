package dev.parley.client;

/// A connection to a Parley (or seed) server that survives disconnects: reconnects with
/// exponential backoff and jitter, resends unacknowledged messages with their `cid`, catches up
/// by `seq`. Thread-safe; never blocks the caller on the network.
public final class ParleyClient implements AutoCloseable {

    public ParleyClient(ClientConfig config, ClientListener listener) {
        throw new UnsupportedOperationException("contract only: implemented by the client work");
    }

    /// Starts connecting (and reconnecting as needed); returns at once.
    public void connect() {
        throw new UnsupportedOperationException();
    }

    /// Queues a room message in the outbox and sends it when connected; returns its `cid`.
    public String sendChat(String room, String text) {
        throw new UnsupportedOperationException();
    }

    /// Sends a private message; returns its `cid`.
    public String sendDm(String to, String text) {
        throw new UnsupportedOperationException();
    }

    /// Sends a failed message (see [ClientEvent.ChatFailed]) again, with the same `cid`.
    public void retry(String cid) {
        throw new UnsupportedOperationException();
    }

    public void join(String room) {
        throw new UnsupportedOperationException();
    }

    public void leave(String room) {
        throw new UnsupportedOperationException();
    }

    public void typing(String room) {
        throw new UnsupportedOperationException();
    }

    public void requestHistory(String room, Long after, Long before, Integer limit) {
        throw new UnsupportedOperationException();
    }

    public ConnectionState state() {
        throw new UnsupportedOperationException();
    }

    /// The name the server gave this client (after `welcome`), else the one asked for.
    public String clientId() {
        throw new UnsupportedOperationException();
    }

    /// Closes for good (reason CLOSED_BY_USER); pending messages stay failed. Idempotent.
    @Override
    public void close() {
        throw new UnsupportedOperationException();
    }
}
