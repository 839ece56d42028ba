package dev.parley.client;

/// Receives a [ParleyClient]'s events, on the client's own threads (never the FX thread); one
/// event at a time, in order. Implementations must not block.
@FunctionalInterface
public interface ClientListener {
    void onEvent(ClientEvent event);
}
