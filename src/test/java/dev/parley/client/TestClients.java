package dev.parley.client;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/// Connected clients of one test, each with its [EventLog]; closes them all afterwards.
final class TestClients implements AutoCloseable {

    record Handle(ParleyClient client, EventLog log) {}

    private final List<Handle> handles = new ArrayList<>();

    Handle connect(ClientConfig config) {
        return connect(config, Map.of());
    }

    Handle connect(ClientConfig config, Map<String, List<String>> headers) {
        var log = new EventLog();
        var client = new ParleyClient(config, log, headers);
        handles.add(new Handle(client, log));
        client.connect();
        return new Handle(client, log);
    }

    /// Connects and waits until the client says it is connected.
    Handle connected(ClientConfig config) {
        var handle = connect(config);
        handle.log().awaitState(ConnectionState.CONNECTED);
        return handle;
    }

    Handle connected(URI server, String name, String room) {
        return connected(ClientConfig.of(server, name, room, null));
    }

    /// Closes the client connected last.
    void closeLast() {
        handles.removeLast().client().close();
    }

    @Override
    public void close() {
        handles.forEach(h -> h.client().close());
        handles.clear();
    }
}
