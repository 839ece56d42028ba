package dev.parley.client;

import java.net.URI;

/// Turns what a user types (`host`, `host:port`, `[::1]:3001`, `ws://…`, `wss://…`) into the
/// server's `/ws` URI.
public final class Addresses {

    private Addresses() {}

    /// Throws [IllegalArgumentException] with a message fit for the user when it cannot be read.
    public static URI parse(String input) {
        throw new UnsupportedOperationException("contract only: implemented by the client work");
    }
}
