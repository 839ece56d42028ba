package dev.parley.discovery;

/// Told by a [RoomBrowser] when a host appears, changes its announcement, or goes away.
/// Called on the browser's own threads, one call at a time and in order; hand work to another
/// thread (the UI queues it for the FX thread) and return quickly.
public interface DiscoveryListener {

    void roomFound(DiscoveredRoom room);

    /// The same host announced new values (members, rooms, …).
    void roomUpdated(DiscoveredRoom room);

    /// The host withdrew its announcement (stopped hosting) or is no longer reachable.
    void roomLost(DiscoveredRoom room);
}
