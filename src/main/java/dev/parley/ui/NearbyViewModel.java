package dev.parley.ui;

import dev.parley.discovery.DiscoveredRoom;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Executor;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/// "Rooms on your network": what the LAN browser has found, live, sorted by name. A room is
/// one host's announcement, known by its name and address (a new port or member count updates
/// the row in place). FX thread only; the browser's calls arrive through a [DiscoveryPump].
public final class NearbyViewModel {

    private final ObservableList<DiscoveredRoom> rooms = FXCollections.observableArrayList();

    public ObservableList<DiscoveredRoom> rooms() { return rooms; }

    /// A listener for the browser that hands its calls to `fx` in batches.
    public DiscoveryPump pump(Executor fx) {
        return new DiscoveryPump(fx, this::apply);
    }

    void apply(List<DiscoveryPump.Sighting> batch) {
        for (var sighting : batch) {
            var room = sighting.room();
            rooms.removeIf(known -> sameHost(known, room));
            if (sighting.kind() != DiscoveryPump.Sighting.Kind.LOST) {
                rooms.add(room);
            }
        }
        FXCollections.sort(rooms, Comparator.comparing((DiscoveredRoom r) -> r.name().toLowerCase(Locale.ROOT))
                .thenComparing(DiscoveredRoom::host).thenComparingInt(DiscoveredRoom::port));
    }

    /// Stops showing rooms (the browser has stopped).
    public void clear() {
        rooms.clear();
    }

    private static boolean sameHost(DiscoveredRoom a, DiscoveredRoom b) {
        return a.name().equals(b.name()) && a.host().equals(b.host());
    }
}
