package dev.parley.ui.common;

import dev.parley.client.ClientConfig;
import dev.parley.client.ClientEvent;
import dev.parley.client.ConnectionState;
import dev.parley.client.DisconnectReason;
import dev.parley.client.KnownServers;
import dev.parley.client.Line;
import dev.parley.client.ParleyClient;
import dev.parley.client.ServerKeys;
import dev.parley.protocol.Message;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

/// The window's one connection and its life cycle: connect (to a room found, an address typed,
/// or the room this window hosts), connect again, leave. Client events reach the listeners in
/// batches on the FX thread ([EventPump]), each listener in the order it was added; the view
/// models listen to what they need and call the commands here, never each other. FX thread only.
public final class Session {

    /// One connection attempt: where to, the label the window shows for it, the name and first
    /// room asked for, whether the expected fingerprint came from an announcement on the network,
    /// and whether it is the room this window hosts.
    public record Attempt(URI server, String label, String name, String room, boolean fingerprintFromNetwork,
                          boolean hosted) {}

    private final Executor fx;
    private final Background background;
    private final List<Consumer<ClientEvent>> listeners = new ArrayList<>();
    private final ReadOnlyObjectWrapper<Attempt> attempt = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<ConnectionState> state = new ReadOnlyObjectWrapper<>(ConnectionState.DISCONNECTED);
    /// The other member's name as the server spells it, by private conversation id.
    private final Map<String, String> partners = new HashMap<>();
    private Supplier<KnownServers> knownServers = KnownServers::inMemory;
    private ServerKeys serverKeys;
    private ParleyClient client;
    private String status = Message.Member.ONLINE;
    private final ReadOnlyObjectWrapper<ParleyClient> current = new ReadOnlyObjectWrapper<>();
    private EventPump pump;
    private ClientConfig lastConfig;
    private Attempt last;

    public Session(Executor fx, Background background) {
        this.fx = fx;
        this.background = background;
    }

    /// The current attempt; null when not connected nor trying (the window shows its connect view).
    public ReadOnlyObjectProperty<Attempt> attemptProperty() { return attempt.getReadOnlyProperty(); }

    public ReadOnlyObjectProperty<ConnectionState> stateProperty() { return state.getReadOnlyProperty(); }

    /// `listener` gets every client event from now on, after those added before it.
    public void listen(Consumer<ClientEvent> listener) {
        listeners.add(listener);
    }

    /// The pins every connection shares (trust on first use, like SSH).
    public void knownServers(Supplier<KnownServers> pins) {
        knownServers = pins;
    }

    /// Where this device's key for each server is kept (made on first use); without one the
    /// window connects without a key and its name is nobody's.
    public void serverKeys(ServerKeys keys) {
        serverKeys = keys;
    }

    /// Replaces the current connection with one to `given`, shown as `label`.
    public void connect(ClientConfig given, String label, boolean fingerprintFromNetwork, boolean hosted) {
        leave();
        var config = given.withKnownServers(knownServers.get());
        lastConfig = config;
        last = new Attempt(config.serverUri(), label, config.name(), config.room(), fingerprintFromNetwork, hosted);
        attempt.set(last);
        var mine = new EventPump(fx, this::deliver);
        pump = mine;
        deliver(List.of(new ClientEvent.StateChanged(ConnectionState.CONNECTING, null, null, null)));
        var keys = serverKeys;
        background.run("connect", () -> {
            // The key file is read (or made) here, off the FX thread.
            var created = new ParleyClient(keys == null ? config : config.withKey(keys.keyFor(config.serverUri())), mine);
            created.connect();
            return created;
        }, created -> {
            if (pump == mine) {
                client = created;
                if (!status.equals(Message.Member.ONLINE)) {
                    created.status(status);
                }
                current.set(created);
            } else {
                close(created);
            }
        }, failure -> {
            if (pump == mine) {
                deliver(List.of(new ClientEvent.StateChanged(ConnectionState.DISCONNECTED,
                        DisconnectReason.UNREACHABLE, null, failure.getMessage())));
            }
        });
    }

    /// Connects again to the last server with the last settings (a certificate trusted anew).
    public void reconnect() {
        if (lastConfig != null) {
            connect(lastConfig, last.label(), last.fingerprintFromNetwork(), last.hosted());
        }
    }

    /// Closes the current connection, if any; the window goes back to its connect view.
    public void leave() {
        if (pump == null) {
            return;
        }
        pump.close();
        pump = null;
        if (client != null) {
            current.set(null);
            close(client);
            client = null;
        }
        deliver(List.of(new ClientEvent.StateChanged(ConnectionState.DISCONNECTED,
                DisconnectReason.CLOSED_BY_USER, null, null)));
        attempt.set(null);
    }

    /// True while connected (or trying) to `server`.
    public boolean isConnectedTo(URI server) {
        return attempt.get() != null && attempt.get().server().equals(server);
    }

    private void close(ParleyClient closing) {
        background.run("disconnect", () -> { closing.close(); return closing; }, c -> { }, e -> { });
    }

    /// The connection of the moment, for a part of the window that also talks to the server by
    /// itself (shared files go over HTTP beside it); null while there is none.
    public ReadOnlyObjectProperty<ParleyClient> clientProperty() { return current.getReadOnlyProperty(); }

    /// Sends `text` to a room or, for a private conversation's id ([Line#privateWith]), to its member.
    public void send(String conversation, String text) {
        if (client == null) {
            return;
        }
        if (Line.isPrivate(conversation)) {
            client.sendDm(partner(conversation), text);
        } else {
            client.sendChat(conversation, text);
        }
    }

    /// Tells the room, or the other member of a private conversation, that this window is typing.
    public void typing(String conversation) {
        if (client == null) {
            return;
        }
        if (Line.isPrivate(conversation)) {
            client.typingTo(partner(conversation));
        } else {
            client.typing(conversation);
        }
    }

    private String partner(String conversation) {
        return partners.getOrDefault(conversation, conversation.substring(1));
    }

    public void join(String room) {
        if (client != null) {
            client.join(room);
        }
    }

    public void leaveRoom(String room) {
        if (client != null) {
            client.leave(room);
        }
    }

    /// A failed message is sent again with its `cid`.
    public void retry(String cid) {
        if (client != null) {
            client.retry(cid);
        }
    }

    /// Searches the stored messages; not connected, answers at once with a failure.
    public void search(String query) {
        if (client == null) {
            deliver(List.of(new ClientEvent.SearchFailed(query, ClientEvent.SearchFailed.Problem.NOT_CONNECTED, null)));
        } else {
            client.search(query, null);
        }
    }

    /// Shows this window as `online`, `away` or `dnd` ([Message.Member#STATUSES]), also on the
    /// connections made later.
    public void status(String status) {
        this.status = status;
        if (client != null) {
            client.status(status);
        }
    }

    /// The members of `room` as the server last said; empty when not connected.
    public List<Message.Member> members(String room) {
        return client == null ? List.of() : client.members(room);
    }

    /// Applies one batch of client events on the FX thread: each listener sees it in order. Tests
    /// hand events in here as a connection's [EventPump] does.
    public void deliver(List<ClientEvent> batch) {
        for (var event : batch) {
            switch (event) {
                case ClientEvent.StateChanged changed -> state.set(changed.state());
                case ClientEvent.ConversationAppeared appeared when Line.isPrivate(appeared.conversation()) ->
                        partners.put(appeared.conversation(), appeared.title());
                default -> { }
            }
            for (var listener : listeners) {
                listener.accept(event);
            }
        }
    }
}
