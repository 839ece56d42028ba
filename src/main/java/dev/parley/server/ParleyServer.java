package dev.parley.server;

import java.net.URI;

/// The embedded chat server: Jetty with the `/ws` endpoint, `/healthz`, `/metrics` and the web
/// page. Started from code (the window's Host toggle, `--headless`, tests).
public final class ParleyServer implements AutoCloseable {

    private ParleyServer() {}

    /// Binds and starts; throws [PortInUseException] when the port is taken.
    public static ParleyServer start(ServerConfig config) throws java.io.IOException {
        throw new UnsupportedOperationException("contract only: implemented by the server work");
    }

    /// The bound port (the real one when the config asked for 0).
    public int port() {
        throw new UnsupportedOperationException();
    }

    /// `ws://127.0.0.1:PORT/ws` (or the bind address), for the host's own window and tests.
    public URI localUri() {
        throw new UnsupportedOperationException();
    }

    public ServerStats stats() {
        throw new UnsupportedOperationException();
    }

    /// Tells every member the room is closing (`system`), closes their connections (1001),
    /// stops Jetty and frees the port. Idempotent.
    public void stop() {
        throw new UnsupportedOperationException();
    }

    @Override
    public void close() {
        stop();
    }
}
