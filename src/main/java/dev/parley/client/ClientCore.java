package dev.parley.client;

import dev.parley.client.ClientEvent.StateChanged;
import dev.parley.protocol.Codec;
import dev.parley.protocol.Message;
import dev.parley.protocol.Names;
import jakarta.websocket.WebSocketContainer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ScheduledExecutorService;

/// The connection lifecycle of one [ParleyClient]: connect, greet (or detect the seed server),
/// watch, and after a loss wait ([Retry]) and connect again. Every method runs on the
/// client's loop thread; Jetty's callbacks arrive there through [Connection].
final class ClientCore implements Connection.Handler, Conversation.Link, Heartbeat.Target {

    private final ClientConfig config;
    private final ScheduledExecutorService loop;
    private final Events events;
    private final Map<String, List<String>> headers;
    private final Retry retry;
    private final Heartbeat heartbeat;
    private final Conversation conversation;
    private final Inbox inbox;
    private final Greeting greeting;
    private final ClientTls tls;
    private final Searches searches;
    private final Rosters rosters = new Rosters();

    private WebSocketContainer container;
    private Connection current;
    private volatile ConnectionState state = ConnectionState.DISCONNECTED;
    private volatile String clientId;
    /// The name every handshake asks for: the server knows our resends by it (design.md "nothing
    /// lost"), so a rename to `alice-2` (an old connection still held `alice`) must not stick.
    private String askedName;
    private boolean ready;
    private boolean closed;
    private String status = Message.Member.ONLINE;
    private volatile Message.FileUploads fileUploads;

    ClientCore(ClientConfig config, ScheduledExecutorService loop, Events events, Map<String, List<String>> headers) {
        this.config = config;
        this.loop = loop;
        this.events = events;
        this.headers = withKey(headers, config.key());
        this.clientId = config.name();
        this.askedName = config.name();
        this.retry = new Retry(config, loop, this::attempt);
        this.heartbeat = new Heartbeat(loop, config.pingInterval(), this);
        this.conversation = new Conversation(config.room() == null ? Names.DEFAULT_ROOM : config.room(), this, events);
        this.searches = new Searches(this, events);
        this.inbox = new Inbox(this, conversation, searches, events, rosters, loop);
        this.greeting = new Greeting(loop, events, this::becomeReady);
        this.tls = new ClientTls(config, loop, events);
    }

    /// The key goes in a header, not the address: an address is more often written to logs.
    private static Map<String, List<String>> withKey(Map<String, List<String>> headers, String key) {
        if (key == null) {
            return headers;
        }
        var all = new java.util.HashMap<>(headers);
        all.put("X-Parley-Key", List.of(key));
        return Map.copyOf(all);
    }

    Conversation conversation() {
        return conversation;
    }

    Searches searches() {
        return searches;
    }

    Rosters rosters() {
        return rosters;
    }

    /// Sets this client's status now if connected, and again after every reconnect.
    void status(String value) {
        status = value;
        if (ready && !greeting.seed()) {
            send(new Message.SetStatus(value));
        }
    }

    ConnectionState state() {
        return state;
    }

    @Override
    public String clientId() {
        return clientId;
    }

    @Override
    public boolean seed() {
        return greeting.seed();
    }

    boolean ready() {
        return ready;
    }

    void connect() {
        if (closed || current != null || retry.waiting()) {
            return;
        }
        if (container == null) {
            container = tls.acquire();
        }
        attempt();
    }

    private void attempt() {
        if (closed) {
            return;
        }
        setState(ConnectionState.CONNECTING, null, null, null);
        var uri = HandshakeUri.of(config.serverUri(), askedName != null ? askedName : clientId,
                conversation.firstRoom(), config.password());
        current = Connection.open(container, uri, headers, loop, this);
    }

    @Override
    public void opened(Connection connection) {
        if (connection != current) {
            connection.close(1000, "superseded");
            return;
        }
        inbox.newConnection();
        heartbeat.start();
        greeting.opened();
    }

    /// The server's `welcome`: it may have given us another name.
    void welcomed(Message.Welcome welcome) {
        // A loaded server may greet after the seed wait: then rejoin and catch up now.
        boolean late = greeting.welcomed() && ready;
        if (welcome.clientId() != null) {
            clientId = welcome.clientId();
            askedName = welcome.renamedFrom() != null ? welcome.renamedFrom() : welcome.clientId();
        }
        if (welcome.limits() != null && current != null) {
            current.pace(welcome.limits().messagesPerSecond());
        }
        fileUploads = welcome.files();
        events.accept(new ClientEvent.Welcomed(welcome));
        if (late) {
            conversation.rejoin();
            conversation.notSeedAfterAll();
        }
        becomeReady();
        conversation.conversations(welcome.conversations());
    }

    /// The seed's first frame, `system "NAME joined"`: no need to wait for a `welcome`.
    void seedGreeted(String name) {
        if (!ready && clientId == null) {
            clientId = name; // the seed never renames, but makes up a name for a guest
        }
        greeting.seedSpoke();
    }

    private void becomeReady() {
        if (ready) {
            return;
        }
        ready = true;
        retry.connected();
        setState(ConnectionState.CONNECTED, null, null, null);
        conversation.ready();
        if (!status.equals(Message.Member.ONLINE) && !greeting.seed()) {
            send(new Message.SetStatus(status));
        }
    }

    @Override
    public void text(Connection connection, String text) {
        if (connection == current) {
            heartbeat.heard();
            inbox.frame(text);
        }
    }

    @Override
    public void pong(Connection connection) {
        if (connection == current) {
            heartbeat.heard();
            inbox.protocolPong(System.nanoTime());
        }
    }

    @Override
    public void closed(Connection connection, int code, String reason) {
        if (connection == current) {
            lost(Failures.ofClose(code, reason, inbox.lastError(), inbox.roomClosing(), inbox.greeted()));
        }
    }

    @Override
    public void failed(Connection connection, Throwable error) {
        if (connection == current) {
            lost(tls.explain(error));
        }
    }

    @Override
    public void ping(long sentNanos) {
        if (current == null) {
            return;
        }
        // Until the server has shown it is Parley, a JSON ping could earn the seed's error reply.
        if (greeting.seed() || !ready) {
            inbox.protocolPingSent(sentNanos);
            current.sendPing();
        } else {
            current.send(Codec.encode(new Message.Ping(Heartbeat.stamp(sentNanos))));
        }
    }

    @Override
    public void dead(Duration silence) {
        if (current != null) {
            current.abort();
            lost(new Failures.Outcome(DisconnectReason.LOST, "no answer from the server for " + silence.toSeconds() + " s"));
        }
    }

    @Override
    public boolean send(Message.ToServer message) {
        if (current == null || !ready) {
            return false;
        }
        current.send(Codec.encode(message));
        return true;
    }

    /// The current connection's upload permission, or null; any thread.
    Message.FileUploads fileUploads() {
        return fileUploads;
    }

    /// What HTTPS to this server trusts (null for `ws://`); any thread.
    javax.net.ssl.SSLContext httpsContext() {
        return tls.httpsContext();
    }

    private void lost(Failures.Outcome outcome) {
        fileUploads = null;
        current = null;
        ready = false;
        heartbeat.stop();
        greeting.cancel();
        conversation.catchup().disconnected();
        searches.disconnected();
        if (closed) {
            return;
        }
        var wait = retry.afterLoss(outcome.reason());
        if (wait == null) {
            setState(ConnectionState.DISCONNECTED, outcome.reason(), null, outcome.detail());
            conversation.failAll(outcome.detail());
            releaseContainer();
        } else {
            setState(ConnectionState.RECONNECTING, outcome.reason(), wait, outcome.detail());
        }
    }

    /// The user closes: say goodbye, fail what waits, free Jetty. Runs once, on the loop.
    void close() {
        if (closed) {
            return;
        }
        closed = true;
        heartbeat.stop();
        greeting.cancel();
        retry.cancel();
        if (current != null) {
            current.closeNow(1000, "bye");
            current = null;
        }
        ready = false;
        fileUploads = null;
        searches.disconnected();
        conversation.failAll("the client was closed");
        setState(ConnectionState.DISCONNECTED, DisconnectReason.CLOSED_BY_USER, null, "closed");
        releaseContainer();
    }

    private void releaseContainer() {
        if (container != null) {
            container = null;
            tls.release();
        }
    }

    private void setState(ConnectionState next, DisconnectReason reason, Duration retryIn, String detail) {
        state = next;
        events.accept(new StateChanged(next, reason, retryIn, detail));
    }
}
