package dev.parley.client;

import java.util.concurrent.atomic.AtomicInteger;
import org.awaitility.Awaitility;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

/// Records every event a client reports, and on which threads, for tests to wait on.
final class EventLog implements ClientListener {

    static final Duration WAIT = Duration.ofSeconds(15);

    private final List<ClientEvent> events = new CopyOnWriteArrayList<>();
    private final Set<String> threads = ConcurrentHashMap.newKeySet();

    private final AtomicInteger inside = new AtomicInteger();
    private volatile boolean overlapped;

    @Override
    public void onEvent(ClientEvent event) {
        if (inside.incrementAndGet() > 1) {
            overlapped = true;
        }
        threads.add(Thread.currentThread().getName());
        events.add(event);
        inside.decrementAndGet();
    }

    /// True if the listener was ever called again before an earlier call returned.
    boolean overlapped() {
        return overlapped;
    }

    <T extends ClientEvent> List<T> all(Class<T> type) {
        return events.stream().filter(type::isInstance).map(type::cast).toList();
    }

    <T extends ClientEvent> List<T> all(Class<T> type, Predicate<T> filter) {
        return all(type).stream().filter(filter).toList();
    }

    /// Waits for the first event of `type` that matches, and returns it.
    <T extends ClientEvent> T await(Class<T> type, Predicate<T> filter) {
        return await(type, filter, WAIT);
    }

    <T extends ClientEvent> T await(Class<T> type, Predicate<T> filter, Duration within) {
        Awaitility.await().atMost(within).pollInterval(Duration.ofMillis(20))
                .alias("an event " + type.getSimpleName() + " in " + events)
                .until(() -> !all(type, filter).isEmpty());
        return all(type, filter).getFirst();
    }

    ClientEvent.StateChanged awaitState(ConnectionState state) {
        return await(ClientEvent.StateChanged.class, s -> s.state() == state);
    }

    /// The last state reported.
    ClientEvent.StateChanged lastState() {
        var states = all(ClientEvent.StateChanged.class);
        return states.isEmpty() ? null : states.getLast();
    }

    /// Chat texts delivered in `room`, in order.
    List<String> texts(String room) {
        return all(ClientEvent.ChatReceived.class, c -> room.equals(c.chat().room())).stream()
                .map(c -> c.chat().text()).toList();
    }

    Set<String> threads() {
        return threads;
    }

    List<ClientEvent> events() {
        return events;
    }

    void clear() {
        events.clear();
    }
}
