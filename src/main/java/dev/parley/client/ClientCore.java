package dev.parley.client;

import dev.parley.client.ClientEvent.StateChanged;
import dev.parley.protocol.Codec;
import dev.parley.protocol.ErrorCode;
import dev.parley.protocol.Message;
import jakarta.websocket.WebSocketContainer;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/// The connection lifecycle of one [ParleyClient]: connect, greet (or detect the seed server),
/// watch, and after a loss wait with [Backoff] and connect again. Every method runs on the
/// client's loop thread; Jetty's callbacks arrive there through [Connection].
final class ClientCore implements Connection.Handler, Conversation.Link, Heartbeat.Target {

    /// A Parley server greets at once; one that says nothing for this long speaks only the seed's protocol.
    static final Duration WELCOME_WAIT = Duration.ofSeconds(1);

    private final ClientConfig config;
    private final ScheduledExecutorService loop;
    private final Events events;
    private final Map<String, List<String>> headers;
    private final Backoff backoff;
    private final Heartbeat heartbeat;
    private final Conversation conversation;
    private final Inbox inbox;

    private WebSocketContainer container;
    private Connection current;
    private ScheduledFuture<?> pendingTimer;
    private volatile ConnectionState state = ConnectionState.DISCONNECTED;
    private volatile String clientId;
    private boolean ready;
    private boolean seed;
    private boolean seedAnnounced;
    private boolean everConnected;
    private boolean closed;

    ClientCore(ClientConfig config, ScheduledExecutorService loop, Events events, Map<String, List<String>> headers) {
        this.config = config;
        this.loop = loop;
        this.events = events;
        this.headers = headers;
        this.clientId = config.name();
        this.backoff = new Backoff(config.minBackoff(), config.maxBackoff(), () -> ThreadLocalRandom.current().nextDouble());
        this.heartbeat = new Heartbeat(loop, config.pingInterval(), this);
        this.conversation = new Conversation(config.room() == null ? dev.parley.protocol.Names.DEFAULT_ROOM : config.room(), this, events);
        this.inbox = new Inbox(this, conversation, events);
    }

    Conversation conversation() {
        return conversation;
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
        return seed;
    }

    boolean ready() {
        return ready;
    }

    void connect() {
        if (closed || current != null || pendingTimer != null) {
            return;
        }
        if (container == null) {
            container = SharedContainer.acquire();
        }
        attempt();
    }

    private void attempt() {
        pendingTimer = null;
        if (closed) {
            return;
        }
        setState(ConnectionState.CONNECTING, null, null, null);
        current = Connection.open(container, handshakeUri(), headers, this::post, this);
    }

    URI handshakeUri() {
        var query = new StringBuilder();
        append(query, "clientId", clientId);
        append(query, "room", conversation.firstRoom());
        append(query, "token", config.password() == null || config.password().isEmpty() ? null : config.password());
        var base = config.serverUri().toString();
        if (query.isEmpty()) {
            return config.serverUri();
        }
        return URI.create(base + (base.contains("?") ? "&" : "?") + query);
    }

    private static void append(StringBuilder query, String key, String value) {
        if (value != null) {
            // URLEncoder writes spaces as '+'; %20 reads the same in every server's query parser.
            var encoded = URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
            query.append(query.isEmpty() ? "" : "&").append(key).append('=').append(encoded);
        }
    }

    /// Jetty's callbacks may still come after [#close] shut the loop down; they are dropped.
    private void post(Runnable task) {
        try {
            loop.execute(task);
        } catch (RejectedExecutionException ignored) {
            // closed
        }
    }

    @Override
    public void opened(Connection connection) {
        if (connection != current) {
            connection.close(1000, "superseded");
            return;
        }
        inbox.newConnection();
        heartbeat.start();
        if (seed) {
            becomeReady(); // a seed server never greets; no need to wait again
        } else {
            pendingTimer = loop.schedule(this::welcomeMissing, WELCOME_WAIT.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    private void welcomeMissing() {
        pendingTimer = null;
        if (current == null || ready) {
            return;
        }
        seed = true;
        if (!seedAnnounced) {
            seedAnnounced = true;
            events.accept(new ClientEvent.SeedServerDetected());
        }
        becomeReady();
    }

    /// The server's `welcome`: it may have given us another name.
    void welcomed(Message.Welcome welcome) {
        cancelTimer();
        seed = false;
        if (welcome.clientId() != null) {
            clientId = welcome.clientId();
        }
        events.accept(new ClientEvent.Welcomed(welcome));
        becomeReady();
    }

    /// The seed tells each newcomer its name ("guest-… joined") and never renames.
    void seedNamed(String name) {
        if (!ready && clientId == null) {
            clientId = name;
        }
    }

    private void becomeReady() {
        if (ready) {
            return;
        }
        ready = true;
        everConnected = true;
        backoff.reset();
        setState(ConnectionState.CONNECTED, null, null, null);
        conversation.ready();
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
            lost(Failures.ofClose(code, reason, inbox.lastError(), inbox.roomClosing()));
        }
    }

    @Override
    public void failed(Connection connection, Throwable error) {
        if (connection == current) {
            lost(Failures.ofConnectFailure(error));
        }
    }

    @Override
    public void ping(long sentNanos) {
        if (current == null) {
            return;
        }
        if (seed) {
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

    /// Sends one of our messages again after the server's rate limit, if it still waits.
    void resendLater(String cid) {
        loop.schedule(() -> conversation.resendIfPending(cid), 1, TimeUnit.SECONDS);
    }

    private void lost(Failures.Outcome outcome) {
        current = null;
        ready = false;
        heartbeat.stop();
        cancelTimer();
        conversation.catchup().disconnected();
        if (closed) {
            return;
        }
        if (Failures.isFinal(outcome.reason(), everConnected)) {
            setState(ConnectionState.DISCONNECTED, outcome.reason(), null, outcome.detail());
            conversation.failAll(outcome.detail());
            releaseContainer();
            return;
        }
        var wait = backoff.next();
        setState(ConnectionState.RECONNECTING, outcome.reason(), wait, outcome.detail());
        pendingTimer = loop.schedule(this::attempt, wait.toMillis(), TimeUnit.MILLISECONDS);
    }

    /// The user closes: say goodbye, fail what waits, free Jetty. Runs once, on the loop.
    void close() {
        if (closed) {
            return;
        }
        closed = true;
        heartbeat.stop();
        cancelTimer();
        if (current != null) {
            current.closeNow(1000, "bye");
            current = null;
        }
        ready = false;
        conversation.failAll("the client was closed");
        setState(ConnectionState.DISCONNECTED, DisconnectReason.CLOSED_BY_USER, null, "closed");
        releaseContainer();
    }

    private void releaseContainer() {
        if (container != null) {
            container = null;
            SharedContainer.release();
        }
    }

    private void cancelTimer() {
        if (pendingTimer != null) {
            pendingTimer.cancel(false);
            pendingTimer = null;
        }
    }

    private void setState(ConnectionState next, DisconnectReason reason, Duration retryIn, String detail) {
        state = next;
        events.accept(new StateChanged(next, reason, retryIn, detail));
    }

    /// Handed to [Inbox] for the `error` codes that decide how a close is read.
    static boolean decidesClose(ErrorCode code) {
        return code == ErrorCode.AUTH_FAILED || code == ErrorCode.NAME_INVALID || code == ErrorCode.SERVER_FULL;
    }
}
