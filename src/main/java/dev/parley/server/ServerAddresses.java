package dev.parley.server;

import java.net.URI;
import java.util.List;

/// The `ws://` addresses others can use to join a server on this machine.
public final class ServerAddresses {

    /// One address of this machine that others may reach, and the interface it belongs to.
    public record Joinable(String interfaceName, URI uri, boolean loopback) {}

    private ServerAddresses() {}

    /// Every non-loopback IPv4/IPv6 address of every interface that is up, then localhost.
    public static List<Joinable> forPort(int port) {
        throw new UnsupportedOperationException("contract only: implemented by the server work");
    }
}
