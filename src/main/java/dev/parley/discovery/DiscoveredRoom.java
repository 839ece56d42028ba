package dev.parley.discovery;

import java.net.URI;
import java.util.List;

/// A host found on the LAN, with what its announcement said. `uri` is the WebSocket address to
/// join (`ws://host:port/ws`, `wss://` when `tls`); `host` is a numeric address, never a name
/// that would need a DNS lookup.
public record DiscoveredRoom(String name, String host, int port, List<String> rooms, int members,
                             boolean passwordProtected, boolean tls, String fingerprint, URI uri) {

    public DiscoveredRoom {
        rooms = List.copyOf(rooms);
        fingerprint = fingerprint == null ? "" : fingerprint;
    }

    /// Builds the room and its `uri` from the announced values.
    public static DiscoveredRoom of(String name, String host, int port, List<String> rooms, int members,
                                    boolean passwordProtected, boolean tls, String fingerprint) {
        var authority = host.contains(":") ? "[" + host + "]" : host;
        var uri = URI.create((tls ? "wss" : "ws") + "://" + authority + ":" + port + "/ws");
        return new DiscoveredRoom(name, host, port, rooms, members, passwordProtected, tls, fingerprint, uri);
    }
}
