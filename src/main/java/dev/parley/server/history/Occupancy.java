package dev.parley.server.history;

import java.util.concurrent.ConcurrentHashMap;

/// The rooms that have members, as the server tells a store ([HistoryStore#occupied],
/// [HistoryStore#vacated]). Counted: a room emptied and filled again at once may be told in
/// either order.
public final class Occupancy {

    private final ConcurrentHashMap<String, Integer> counts = new ConcurrentHashMap<>();

    public void occupied(String room) {
        counts.merge(room, 1, Integer::sum);
    }

    public void vacated(String room) {
        counts.computeIfPresent(room, (name, count) -> count > 1 ? count - 1 : null);
    }

    public boolean has(String room) {
        return counts.containsKey(room);
    }
}
