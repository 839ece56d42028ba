package dev.parley.ui.common;

import dev.parley.discovery.DiscoveredRoom;
import dev.parley.discovery.DiscoveryListener;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

/// Adapts a [dev.parley.discovery.RoomBrowser]'s listener calls (on its own threads) to
/// batches of [Sighting]s on the FX thread, coalesced like client events ([FxBatches]).
public final class DiscoveryPump implements DiscoveryListener {

    /// One thing the browser said about a room.
    public record Sighting(Kind kind, DiscoveredRoom room) {
        public enum Kind { FOUND, UPDATED, LOST }
    }

    private final FxBatches<Sighting> batches;

    public DiscoveryPump(Executor fx, Consumer<List<Sighting>> sink) {
        this.batches = new FxBatches<>(fx, sink, 500);
    }

    @Override
    public void roomFound(DiscoveredRoom room) {
        batches.add(new Sighting(Sighting.Kind.FOUND, room));
    }

    @Override
    public void roomUpdated(DiscoveredRoom room) {
        batches.add(new Sighting(Sighting.Kind.UPDATED, room));
    }

    @Override
    public void roomLost(DiscoveredRoom room) {
        batches.add(new Sighting(Sighting.Kind.LOST, room));
    }

    public void close() {
        batches.close();
    }
}
