package dev.parley.client;

import java.util.function.Consumer;

/// Hands events to the user's [ClientListener] on the loop thread, one at a time, in order.
/// A listener that throws is logged; it must not stop the client.
final class Events implements Consumer<ClientEvent> {

    private static final System.Logger LOG = System.getLogger(Events.class.getName());

    private final ClientListener listener;

    Events(ClientListener listener) {
        this.listener = listener;
    }

    @Override
    public void accept(ClientEvent event) {
        try {
            listener.onEvent(event);
        } catch (RuntimeException | AssertionError e) {
            LOG.log(System.Logger.Level.WARNING, "a ParleyClient listener threw on " + event, e);
        }
    }
}
