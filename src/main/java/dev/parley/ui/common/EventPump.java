package dev.parley.ui.common;

import dev.parley.client.ClientEvent;
import dev.parley.client.ClientListener;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

/// Hands a client's events to the FX thread in batches ([FxBatches]): a flood of messages
/// costs one hand-off per pulse, not one each.
public final class EventPump implements ClientListener {

    /// Bounds one batch, so a huge backlog is applied over several pulses and the window keeps
    /// painting in between.
    static final int MAX_BATCH = 2_000;

    private final FxBatches<ClientEvent> batches;

    public EventPump(Executor fx, Consumer<List<ClientEvent>> sink) {
        this.batches = new FxBatches<>(fx, sink, MAX_BATCH);
    }

    @Override
    public void onEvent(ClientEvent event) {
        batches.add(event);
    }

    /// Drops whatever is still queued and everything that arrives later (a replaced connection).
    public void close() {
        batches.close();
    }
}
