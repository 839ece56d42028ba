package dev.parley.server;

import dev.parley.protocol.Message.SystemNotice;
import dev.parley.protocol.OwnerOnly;
import jakarta.websocket.server.ServerEndpointConfig;
import java.io.IOException;
import java.net.BindException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import dev.parley.server.files.FileServlet;
import dev.parley.server.files.FileStore;
import dev.parley.server.history.HistoryStore;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.ee10.websocket.jakarta.server.config.JakartaWebSocketServletContainerInitializer;
import org.eclipse.jetty.server.ConnectionFactory;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/// The embedded chat server: Jetty with the `/ws` endpoint, `/healthz`, `/metrics` and the web
/// page. Started from code (the window's Host toggle, `--headless`, tests).
public final class ParleyServer implements AutoCloseable {

    /// How long [#stop] lets members receive "room is closing" and the close frame.
    private static final Duration GOODBYE = Duration.ofMillis(500);

    private final ServerConfig config;
    private final Server jetty;
    static final int SOCKET_SEND_BUFFER = 256 * 1024;
    /// Connections the kernel may hold for accepting (capped by the system's somaxconn).
    static final int ACCEPT_QUEUE = 4096;

    private final CappedConnector connector;
    private final RefusalLog refusals;
    private final ChatService service;
    private final Admission admission;
    private final Hub hub;
    private final Members members;
    private final Metrics metrics;
    private final HistoryStore store;
    private final NameClaims claims;
    private final FileStore files;
    private final ReadLanes reads;
    private final ScheduledExecutorService timer;
    private final long startedNanos = System.nanoTime();
    private final AtomicBoolean stopped = new AtomicBoolean();
    private final TlsIdentity tls;
    private final AtomicBoolean sweeping = new AtomicBoolean();
    /// The files folder inside the data folder.
    public static final String FILES_FOLDER = "files";
    private static final long MAX_FILE_SWEEP_MS = 5 * 60_000;
    private final Visits visits = new Visits(Clock.systemUTC());

    private ParleyServer(ServerConfig config, HistoryStore store, ServerLog log, TlsIdentity tls, NameClaims claims,
            FileStore files) {
        this.tls = tls;
        this.config = config;
        this.store = store;
        this.claims = claims;
        this.files = files;
        this.timer = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("parley-timer").daemon().factory());
        this.metrics = new Metrics();
        this.reads = new ReadLanes(ReadLanes.searchThreads(Runtime.getRuntime().availableProcessors()));
        this.members = new Members(claims);
        this.admission = new Admission(config);
        this.refusals = new RefusalLog(log);
        var errors = new ErrorReplies(metrics);
        var pages = new HistoryPages(store, reads, config.limits(), errors);
        this.hub = new Hub(config, new Room.ChatPath(store, timer, metrics), timer, log, pages, errors);
        this.service = chatService(log, pages, errors);
        var threads = new QueuedThreadPool();
        threads.setName("parley-http");
        // A desktop app should give back the threads a burst made (Jetty keeps them 60 s and
        // retires one per period by default).
        threads.setIdleTimeout(10_000);
        threads.setMaxEvictCount(8);
        threads.setMaxThreads(maxThreads(Runtime.getRuntime().availableProcessors()));
        this.jetty = new Server(threads);
        var http = new HttpConfiguration();
        http.setSendServerVersion(false);
        var factories = tls == null ? new ConnectionFactory[] {new HttpConnectionFactory(http)} : TlsConnector.factories(http, tls);
        var guards = config.http();
        this.connector = new CappedConnector(jetty, config.limits().maxConnectionsPerAddress() + guards.spareSocketsPerAddress(),
                refusals::refused, factories);
        // Until the upgrade: a WebSocket then has its own ping and idle limits.
        connector.setIdleTimeout(guards.idleBeforeUpgrade().toMillis());
        connector.setHost(config.bindAddress());
        connector.setPort(config.port());
        // A fixed send buffer: Linux would otherwise autotune it to ~3 MB per connection, so a
        // reader that stops would hold megabytes in the kernel before maxOutboundBytes is reached.
        connector.setAcceptedSendBufferSize(SOCKET_SEND_BUFFER);
        // Java's default listen backlog is 50: a crowd reconnecting at once (a restart) overflows
        // it, and each dropped SYN costs its client a retransmit a second or more later.
        connector.setAcceptQueueSize(ACCEPT_QUEUE);
        jetty.addConnector(connector);
        var origins = new OriginGuard(context(metrics), config.allowedOrigins(), (address, origin) -> {
            metrics.originRefusals.increment();
            visits.refused(address, RefusedAttempt.Reason.ORIGIN, "a web page from " + origin);
        });
        jetty.setHandler(new SecurityHeaders(visits.recorder(new HostGuard(TlsConnector.plainTextRefusal(tls, origins),
                guards.allowedHosts(), new LocalNames(), (address, reason) -> {
                    refusals.refused(address, reason);
                    visits.refused(address, RefusedAttempt.Reason.HOST, reason);
                }))));
        jetty.setStopTimeout(GOODBYE.toMillis());
    }

    /// The chat's parts, each given what it uses.
    private ChatService chatService(ServerLog log, HistoryPages pages, ErrorReplies errors) {
        var limits = config.limits();
        var conversations = new Conversations(store, reads, limits, members, claims, errors);
        var requests = new Requests(hub, conversations, new Searches(store, reads, limits, conversations, errors), pages,
                files, errors);
        return new ChatService(config, hub, members, conversations, requests, files, metrics, errors,
                new ChatService.Door(admission, refusals, visits), timer, log);
    }

    /// Jetty's pool may grow to 200 threads, and a burst of handshakes or of pongs grows it
    /// there, where the pings keep the idle threads busy enough never to be retired: their
    /// stacks then stay in every idle connection's share of memory. Nothing on these threads
    /// waits for long (sends are asynchronous, history is written by its own thread), so a few
    /// per core are enough.
    public static int maxThreads(int cores) {
        return Math.max(32, 8 * cores);
    }

    private ServletContextHandler context(Metrics metrics) {
        var context = new ServletContextHandler();
        context.setContextPath("/");
        var status = new ServletHolder("status", new StatusServlet(this::stats, metrics));
        context.addServlet(status, "/healthz");
        context.addServlet(status, "/metrics");
        context.addServlet(new ServletHolder("web", new WebPageServlet()), "/");
        context.addServlet(new ServletHolder("files", new FileServlet(files)), "/files/*");
        var limits = config.limits();
        JakartaWebSocketServletContainerInitializer.configure(context, (servletContext, container) -> {
            container.setDefaultMaxTextMessageBufferSize(limits.maxFrameBytes());
            container.setDefaultMaxBinaryMessageBufferSize(limits.maxFrameBytes());
            container.setDefaultMaxSessionIdleTimeout(limits.idleTimeout().toMillis());
            container.addEndpoint(ServerEndpointConfig.Builder.create(ChatEndpoint.class, "/ws")
                    .configurator(new Handshake(service)).build());
        });
        return context;
    }

    /// Binds and starts; throws [PortInUseException] when the port is taken.
    public static ParleyServer start(ServerConfig config) throws IOException {
        return start(config, ServerLog.SILENT);
    }

    /// Like [#start(ServerConfig)], reporting joins, leaves and refusals to `log`. Files live in
    /// `dataDir/files`; without a data folder, in a temporary folder removed at [#stop].
    public static ParleyServer start(ServerConfig config, ServerLog log) throws IOException {
        if (config.dataDir() != null) {
            OwnerOnly.folder(config.dataDir());
        }
        var tls = config.tls() ? TlsConnector.identity(config.dataDir()) : null; // before the store: nothing to close if it fails
        var files = config.dataDir() == null ? FileStore.temporary(config.files())
                : FileStore.open(config.dataDir().resolve(FILES_FOLDER), config.files());
        HistoryStore store;
        NameClaims claims;
        try {
            store = HistoryStores.open(config, log);
        } catch (IOException | RuntimeException failure) {
            files.close();
            throw failure;
        }
        try {
            claims = new NameClaims(HistoryStores.claimRecords(store), config.clock(), config.nameClaimKeep());
        } catch (RuntimeException failure) {
            store.close();
            files.close();
            throw failure;
        }
        var server = new ParleyServer(config, store, log, tls, claims, files);
        if (config.dataDir() != null) {
            // After the store: SQLite makes its files (and their WAL and shared memory) per the umask.
            OwnerOnly.tighten(config.dataDir());
        }
        try {
            server.jetty.start();
        } catch (Exception failure) {
            server.stop();
            var bind = bindFailure(failure);
            if (bind != null && bind.getMessage() != null && bind.getMessage().contains("in use")) {
                throw new PortInUseException(config.port(), failure);
            }
            if (bind != null) {
                throw new IOException("cannot listen on " + (config.bindAddress() == null ? "*" : config.bindAddress())
                        + ":" + config.port() + " (" + bind.getMessage() + ")", failure);
            }
            throw failure instanceof IOException io ? io : new IOException("the server did not start: " + failure, failure);
        }
        server.startTimers();
        return server;
    }

    /// The `BindException` behind a failed start: "Address already in use" is a taken port,
    /// "Cannot assign requested address" a `--bind` address this machine does not have.
    private static BindException bindFailure(Throwable failure) {
        for (var cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof BindException bind) {
                return bind;
            }
        }
        return null;
    }

    private void startTimers() {
        long ping = config.limits().pingInterval().toMillis();
        if (ping > 0) {
            timer.scheduleWithFixedDelay(service.liveness()::pingAll, ping, ping, TimeUnit.MILLISECONDS);
        }
        timer.scheduleWithFixedDelay(admission.throttle()::sweep, 1, 1, TimeUnit.MINUTES);
        timer.scheduleWithFixedDelay(refusals::sweep, 5, 5, TimeUnit.SECONDS);
        long sweep = Math.clamp(files.limits().keepUnshared().toMillis() / 2, 1_000, MAX_FILE_SWEEP_MS);
        timer.scheduleWithFixedDelay(this::sweepFiles, 0, sweep, TimeUnit.MILLISECONDS);
    }

    /// Removes the files no stored message shares any more, on a thread of its own: the timer
    /// also sends presence, which must not wait for a folder listing.
    private void sweepFiles() {
        if (sweeping.compareAndSet(false, true)) {
            Thread.ofVirtual().name("parley-file-sweep").start(() -> {
                try {
                    files.sweep(store.referencedFiles());
                } catch (RuntimeException unreadable) {
                    // The history could not be read: sweep again next time rather than guess.
                } finally {
                    sweeping.set(false);
                }
            });
        }
    }

    /// Tells `listener` of every attempt refused from now on (wrong password, foreign origin,
    /// server full…), on a server thread; see [RefusalListener].
    public void addRefusalListener(RefusalListener listener) {
        visits.add(listener);
    }

    public void removeRefusalListener(RefusalListener listener) {
        visits.remove(listener);
    }

    /// When a request from another machine (not this one's loopback) last reached the server;
    /// null while none has. A long silence hints that a firewall stops the others.
    public Instant lastVisitFromNetwork() {
        return visits.lastFromNetwork();
    }

    /// The bound port (the real one when the config asked for 0).
    public int port() {
        return connector.getLocalPort();
    }

    /// The certificate's SHA-256 fingerprint (`AB:CD:…`, see `Fingerprint`) for members to
    /// compare, or null without TLS.
    public String fingerprint() {
        return tls == null ? null : tls.fingerprint;
    }

    /// `ws://127.0.0.1:PORT/ws` (`wss://` with TLS; or the bind address), for the host's own window and tests.
    public URI localUri() {
        var host = config.bindAddress();
        if (host == null || host.isBlank() || host.equals("0.0.0.0") || host.equals("::") || host.equals("[::]")) {
            host = "127.0.0.1";
        }
        if (host.contains(":") && !host.startsWith("[")) {
            host = "[" + host + "]";
        }
        return URI.create((tls == null ? "ws://" : "wss://") + host + ":" + port() + "/ws");
    }

    public ServerStats stats() {
        return new ServerStats(members.connections().size(), hub.roomCount(), metrics.messagesIn.sum(),
                metrics.messagesOut.sum(), metrics.sendFailures.sum(), Duration.ofNanos(System.nanoTime() - startedNanos));
    }

    /// Every room with members, and the default room, sorted: what a LAN announcement lists.
    public List<String> roomNames() {
        return List.copyOf(hub.roomNames());
    }

    /// The members of `room` as its presence has told them (empty when nobody is there).
    public java.util.List<dev.parley.protocol.Message.Member> members(String room) {
        var found = hub.room(room);
        return found == null ? java.util.List.of() : found.roster().told(false);
    }

    /// The connection named `clientId`, or null (tests look at what it holds unsent).
    Connection connection(String clientId) {
        return members.byName(clientId);
    }

    /// Tells every member the room is closing (`system`), closes their connections (1001),
    /// stops Jetty and frees the port. Idempotent.
    public void stop() {
        if (!stopped.compareAndSet(false, true)) {
            return;
        }
        admission.close();
        var goodbye = Outgoing.of(new SystemNotice("room is closing"));
        for (var connection : members.connections()) {
            connection.send(goodbye);
            connection.closeAfterFlush(1001, "server stopping");
        }
        long deadline = System.nanoTime() + GOODBYE.toNanos();
        while (!members.connections().isEmpty() && System.nanoTime() < deadline) {
            try {
                Thread.sleep(10);
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        try {
            jetty.stop();
        } catch (Exception ignored) {
            // Stopping is best effort: the threads and the port are released either way.
        }
        timer.shutdownNow();
        try {
            timer.awaitTermination(1, TimeUnit.SECONDS);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
        claims.close();
        reads.close();
        store.close();
        files.close();
    }

    @Override
    public void close() {
        stop();
    }
}
