package dev.parley.client;

/// Where a [ParleyClient] stands; reported in [ClientEvent.StateChanged].
public enum ConnectionState {
    CONNECTING,
    CONNECTED,
    /// Lost; a new attempt follows after [ClientEvent.StateChanged#retryIn].
    RECONNECTING,
    /// Stopped for good: by the user, or for a reason that retrying cannot fix.
    DISCONNECTED
}
