package dev.parley.client;

/// Why a connection is not (or no longer) up.
public enum DisconnectReason {
    /// The user closed it.
    CLOSED_BY_USER,
    /// The server refused the connection (handshake rejected, e.g. 403 origin, 404 path).
    REFUSED,
    WRONG_PASSWORD,
    SERVER_FULL,
    /// Nothing answers at that address (no route, connection refused, unknown host, timeout).
    UNREACHABLE,
    NAME_INVALID,
    /// The connection dropped (network, server stopped, no pong).
    LOST,
    /// The server closed the room (host turned hosting off).
    SERVER_CLOSED,
    /// The `wss://` server's certificate is not the pinned (or expected) one; never retried.
    /// The detail names both fingerprints: an attack, or a host that reinstalled Parley.
    CERTIFICATE_CHANGED
}
