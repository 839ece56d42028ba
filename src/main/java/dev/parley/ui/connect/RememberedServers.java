package dev.parley.ui.connect;

import dev.parley.ui.common.DiscoveryPump;
import dev.parley.client.Addresses;
import dev.parley.client.HostProbe;
import dev.parley.discovery.DiscoveredRoom;
import dev.parley.protocol.Invite;
import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;

/// The servers of the Join field's recent list, probed directly ([HostProbe]) while the window
/// is open, so that one on another subnet shows in "Rooms on your network" whenever it is up.
public final class RememberedServers {

    /// How often each remembered server is asked, and how long one may take to answer.
    public static final Duration EVERY = Duration.ofSeconds(30);
    static final Duration TIMEOUT = Duration.ofSeconds(3);

    private RememberedServers() {}

    /// Starts probing what the user typed before (addresses that cannot be read are skipped);
    /// rooms come and go through `pump`.
    public static HostProbe probe(List<String> typed, DiscoveryPump pump, Duration every) {
        var labels = new LinkedHashMap<URI, String>();
        for (var text : typed) {
            try {
                labels.putIfAbsent(Addresses.parse(text), Invite.isAppLink(text) ? null : text.strip());
            } catch (IllegalArgumentException unreadable) {
                // An old entry that no longer parses is simply not probed.
            }
        }
        return HostProbe.start(List.copyOf(labels.keySet()), every, TIMEOUT, new HostProbe.Listener() {
            @Override
            public void up(URI server, int connections) {
                pump.roomFound(room(labels.get(server), server, connections));
            }

            @Override
            public void down(URI server) {
                pump.roomLost(room(labels.get(server), server, 0));
            }
        });
    }

    /// A remembered server as a row of the list: named as it was typed (an invite link by its
    /// `host:port`); its password and rooms are not known until joined.
    static DiscoveredRoom room(String label, URI server, int connections) {
        var host = server.getHost().replace("[", "").replace("]", "");
        var name = label != null ? label : server.getHost() + ":" + server.getPort();
        return DiscoveredRoom.of(name, host, server.getPort(), List.of(), Math.max(0, connections), false,
                "wss".equals(server.getScheme()), "");
    }
}
