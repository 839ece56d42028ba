package dev.parley.ui.common;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/// Hands items from other threads to the FX thread in batches. Producers only enqueue; at most
/// one drain is scheduled at a time (one coalesced `Platform.runLater` however many items
/// arrive before it runs), so a flood costs one hand-off per pulse, not one per item.
/// [EventPump] (client events) and [DiscoveryPump] (rooms on the LAN) are built on it.
public final class FxBatches<T> {

    private final ConcurrentLinkedQueue<T> queue = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean scheduled = new AtomicBoolean();
    private final Executor fx;
    private final Consumer<List<T>> sink;
    private final int maxBatch;
    private volatile boolean closed;

    /// `maxBatch` bounds one batch, so a huge backlog is applied over several pulses and the
    /// window keeps painting in between.
    public FxBatches(Executor fx, Consumer<List<T>> sink, int maxBatch) {
        this.fx = fx;
        this.sink = sink;
        this.maxBatch = maxBatch;
    }

    public void add(T item) {
        if (closed) {
            return;
        }
        queue.add(item);
        if (scheduled.compareAndSet(false, true)) {
            fx.execute(this::drain);
        }
    }

    private void drain() {
        var batch = new ArrayList<T>();
        T item;
        while (batch.size() < maxBatch && (item = queue.poll()) != null) {
            batch.add(item);
        }
        scheduled.set(false);
        // An item queued after the poll loop but before the reset would otherwise wait for the next one.
        if (!queue.isEmpty() && scheduled.compareAndSet(false, true)) {
            fx.execute(this::drain);
        }
        if (!closed && !batch.isEmpty()) {
            sink.accept(batch);
        }
    }

    /// Drops whatever is still queued and everything that arrives later.
    public void close() {
        closed = true;
        queue.clear();
    }
}
