package dev.parley.ui;

import dev.parley.client.ClientEvent;
import dev.parley.client.ClientListener;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/// Hands a client's events to the FX thread in batches. The client's threads only enqueue; at
/// most one drain is scheduled at a time (one coalesced `Platform.runLater` however many events
/// arrive before it runs), so a flood of messages costs one hand-off per pulse, not one each.
public final class EventPump implements ClientListener {

    /// Bounds one batch, so a huge backlog is applied over several pulses and the window keeps
    /// painting in between.
    static final int MAX_BATCH = 2_000;

    private final ConcurrentLinkedQueue<ClientEvent> queue = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean scheduled = new AtomicBoolean();
    private final Executor fx;
    private final Consumer<List<ClientEvent>> sink;
    private volatile boolean closed;

    public EventPump(Executor fx, Consumer<List<ClientEvent>> sink) {
        this.fx = fx;
        this.sink = sink;
    }

    @Override
    public void onEvent(ClientEvent event) {
        if (closed) {
            return;
        }
        queue.add(event);
        if (scheduled.compareAndSet(false, true)) {
            fx.execute(this::drain);
        }
    }

    private void drain() {
        var batch = new ArrayList<ClientEvent>();
        ClientEvent event;
        while (batch.size() < MAX_BATCH && (event = queue.poll()) != null) {
            batch.add(event);
        }
        scheduled.set(false);
        // An event queued after the poll loop but before the reset would otherwise wait for the next one.
        if (!queue.isEmpty() && scheduled.compareAndSet(false, true)) {
            fx.execute(this::drain);
        }
        if (!closed && !batch.isEmpty()) {
            sink.accept(batch);
        }
    }

    /// Drops whatever is still queued and everything that arrives later (a replaced connection).
    public void close() {
        closed = true;
        queue.clear();
    }
}
