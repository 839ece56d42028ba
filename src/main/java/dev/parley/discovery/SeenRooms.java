package dev.parley.discovery;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/// The rooms a [RoomBrowser] knows, keyed by DNS-SD instance name, each with the interfaces it
/// was seen on. Turns JmDNS's per-interface events into one found/updated/lost stream for the
/// [DiscoveryListener], called under this object's lock so that events arrive in order.
final class SeenRooms {

    private record Seen(DiscoveredRoom room, Set<String> interfaces) {}

    private final DiscoveryListener listener;
    private final Map<String, Seen> seen = new LinkedHashMap<>();
    private boolean closed;

    SeenRooms(DiscoveryListener listener) {
        this.listener = listener;
    }

    synchronized void resolved(String key, String interfaceName, DiscoveredRoom room) {
        if (closed) {
            return;
        }
        var before = seen.get(key);
        var interfaces = before == null ? new HashSet<String>() : before.interfaces();
        interfaces.add(interfaceName);
        seen.put(key, new Seen(room, interfaces));
        if (before == null) {
            listener.roomFound(room);
        } else if (!before.room().equals(room)) {
            listener.roomUpdated(room);
        }
    }

    /// Lost once the last interface that saw it has lost it.
    synchronized void removed(String key, String interfaceName) {
        var before = seen.get(key);
        if (closed || before == null || !before.interfaces().remove(interfaceName) || !before.interfaces().isEmpty()) {
            return;
        }
        seen.remove(key);
        listener.roomLost(before.room());
    }

    synchronized List<String> keysSeenOn(String interfaceName) {
        return seen.entrySet().stream().filter(entry -> entry.getValue().interfaces().contains(interfaceName))
                .map(Map.Entry::getKey).toList();
    }

    synchronized List<DiscoveredRoom> rooms() {
        return seen.values().stream().map(Seen::room).toList();
    }

    /// Returns false when it was closed already. The listener hears nothing after this.
    synchronized boolean close() {
        var wasOpen = !closed;
        closed = true;
        return wasOpen;
    }
}
