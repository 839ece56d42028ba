package dev.parley.ui.connect;

import dev.parley.ui.common.DiscoveryPump;
import dev.parley.discovery.DiscoveredRoom;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Executor;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/// "Rooms on your network": what the LAN browser has found, live, sorted by name, and the
/// servers joined before that answer a direct probe (a room on another subnet, which
/// announcements do not reach). A room is one host's announcement, known by its name and
/// address (a new port or member count updates the row in place); a remembered server that is
/// also announced shows once, as announced. FX thread only; calls arrive through [DiscoveryPump]s.
public final class NearbyViewModel {

    private final ObservableList<DiscoveredRoom> rooms = FXCollections.observableArrayList();
    private final List<DiscoveredRoom> announced = new ArrayList<>();
    private final List<DiscoveredRoom> remembered = new ArrayList<>();

    public ObservableList<DiscoveredRoom> rooms() { return rooms; }

    /// A listener for the browser that hands its calls to `fx` in batches.
    public DiscoveryPump pump(Executor fx) {
        return new DiscoveryPump(fx, this::apply);
    }

    /// A listener for the probe of remembered servers, handing its calls to `fx` in batches.
    public DiscoveryPump rememberedPump(Executor fx) {
        return new DiscoveryPump(fx, batch -> {
            update(remembered, batch);
            show();
        });
    }

    void apply(List<DiscoveryPump.Sighting> batch) {
        update(announced, batch);
        show();
    }

    private static void update(List<DiscoveredRoom> list, List<DiscoveryPump.Sighting> batch) {
        for (var sighting : batch) {
            var room = sighting.room();
            list.removeIf(known -> sameHost(known, room));
            if (sighting.kind() != DiscoveryPump.Sighting.Kind.LOST) {
                list.add(room);
            }
        }
    }

    private void show() {
        var shown = new ArrayList<>(announced);
        remembered.stream().filter(r -> announced.stream().noneMatch(a -> a.host().equals(r.host()) && a.port() == r.port()))
                .forEach(shown::add);
        shown.sort(ORDER);
        rooms.setAll(shown);
    }

    private static final Comparator<DiscoveredRoom> ORDER = Comparator.comparing((DiscoveredRoom r) -> r.name().toLowerCase(Locale.ROOT))
            .thenComparing(DiscoveredRoom::host).thenComparingInt(DiscoveredRoom::port);

    /// Stops showing rooms (the browser has stopped).
    public void clear() {
        announced.clear();
        remembered.clear();
        rooms.clear();
    }

    private static boolean sameHost(DiscoveredRoom a, DiscoveredRoom b) {
        return a.name().equals(b.name()) && a.host().equals(b.host());
    }
}
