package dev.parley.server;

import java.io.IOException;

/// The port asked for is taken by another program.
public final class PortInUseException extends IOException {

    private final int port;

    public PortInUseException(int port, Throwable cause) {
        super("port " + port + " is in use", cause);
        this.port = port;
    }

    public int port() {
        return port;
    }
}
