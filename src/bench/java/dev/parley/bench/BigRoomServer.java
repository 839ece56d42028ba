package dev.parley.bench;

import java.net.URI;

/// The server a [BigRoom] run measures, which it may stop and start again on the same port.
interface BigRoomServer extends AutoCloseable {

    void start() throws Exception;

    /// Stops the server; its members' connections end.
    void stop() throws Exception;

    URI uri();

    /// The server's process id, for its RSS (-1 when it shares this process).
    long pid();

    @Override
    default void close() throws Exception {
        stop();
    }
}
