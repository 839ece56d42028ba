package dev.parley.client;

import dev.parley.protocol.Message.Chat;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/// Keeps what the end-to-end tests check, cheaply enough for thousands of messages: every
/// room message delivered (in order), every acknowledgement and every failure of one client.
final class ChatRecorder implements ClientListener {

    private final List<Chat> received = new ArrayList<>();
    private final Map<String, Chat> acknowledged = new ConcurrentHashMap<>();
    private final List<ClientEvent.ChatFailed> failed = new CopyOnWriteArrayList<>();
    private volatile ConnectionState state = ConnectionState.DISCONNECTED;
    private volatile int connects;

    @Override
    public void onEvent(ClientEvent event) {
        switch (event) {
            case ClientEvent.ChatReceived(var chat, var own) -> {
                synchronized (received) {
                    received.add(chat);
                }
            }
            case ClientEvent.ChatAcknowledged(var cid, var chat) -> acknowledged.put(cid, chat);
            case ClientEvent.ChatFailed failure -> failed.add(failure);
            case ClientEvent.StateChanged changed -> {
                state = changed.state();
                if (changed.state() == ConnectionState.CONNECTED) {
                    connects++;
                }
            }
            default -> { }
        }
    }

    List<Chat> received() {
        synchronized (received) {
            return List.copyOf(received);
        }
    }

    int receivedCount() {
        synchronized (received) {
            return received.size();
        }
    }

    /// cid → the stored message the server acknowledged it with.
    Map<String, Chat> acknowledged() {
        return Map.copyOf(acknowledged);
    }

    List<ClientEvent.ChatFailed> failed() {
        return List.copyOf(failed);
    }

    ConnectionState state() {
        return state;
    }

    /// How many times the client reached CONNECTED (1 + reconnects).
    int connects() {
        return connects;
    }
}
