package dev.parley.discovery;

import java.util.List;
import java.util.Objects;

/// What a host announces on the LAN: its name, the port of its `/ws` endpoint, its rooms,
/// how many people are connected, whether a password or TLS is needed, and the TLS
/// certificate's fingerprint (empty while TLS is off) so that a joiner can pin it.
public record AnnouncedRoom(String serverName, int port, List<String> rooms, int members,
                            boolean passwordProtected, boolean tls, String fingerprint) {

    public AnnouncedRoom {
        Objects.requireNonNull(serverName, "serverName");
        if (serverName.isBlank()) {
            throw new IllegalArgumentException("server name is blank");
        }
        if (port < 1 || port > 65_535) {
            throw new IllegalArgumentException("port out of range: " + port);
        }
        if (members < 0) {
            throw new IllegalArgumentException("members must not be negative: " + members);
        }
        rooms = List.copyOf(rooms);
        fingerprint = fingerprint == null ? "" : fingerprint;
    }

    /// An open room without TLS.
    public AnnouncedRoom(String serverName, int port, List<String> rooms, int members) {
        this(serverName, port, rooms, members, false, false, "");
    }

    /// A room nobody has joined yet, encrypted when its certificate's `fingerprint` is given (not null).
    public static AnnouncedRoom of(String serverName, int port, boolean passwordProtected, String fingerprint) {
        return new AnnouncedRoom(serverName, port, List.of(), 0, passwordProtected, fingerprint != null, fingerprint);
    }

    public AnnouncedRoom withMembers(int count) {
        return new AnnouncedRoom(serverName, port, rooms, count, passwordProtected, tls, fingerprint);
    }

    public AnnouncedRoom withRooms(List<String> names) {
        return new AnnouncedRoom(serverName, port, names, members, passwordProtected, tls, fingerprint);
    }
}
