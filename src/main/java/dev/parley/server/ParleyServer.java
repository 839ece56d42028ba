package dev.parley.server;

import dev.parley.protocol.Message.SystemNotice;
import jakarta.websocket.server.ServerEndpointConfig;
import java.io.IOException;
import java.net.BindException;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.ee10.websocket.jakarta.server.config.JakartaWebSocketServletContainerInitializer;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
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

    private final ServerConnector connector;
    private final ChatService service;
    private final Hub hub;
    private final ScheduledExecutorService timer;
    private final long startedNanos = System.nanoTime();
    private final AtomicBoolean stopped = new AtomicBoolean();
    private final TlsIdentity tls;

    private ParleyServer(ServerConfig config, HistoryStore store, ServerLog log, TlsIdentity tls) {
        this.tls = tls;
        this.config = config;
        this.timer = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("parley-timer").daemon().factory());
        var metrics = new Metrics();
        this.hub = new Hub(config, store, metrics, timer, log);
        this.service = new ChatService(hub, new Admission(config));
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
        this.connector = tls == null ? new ServerConnector(jetty, new HttpConnectionFactory(http)) : TlsConnector.create(jetty, http, tls);
        connector.setHost(config.bindAddress());
        connector.setPort(config.port());
        // A fixed send buffer: Linux would otherwise autotune it to ~3 MB per connection, so a
        // reader that stops would hold megabytes in the kernel before maxOutboundBytes is reached.
        connector.setAcceptedSendBufferSize(SOCKET_SEND_BUFFER);
        // Java's default listen backlog is 50: a crowd reconnecting at once (a restart) overflows
        // it, and each dropped SYN costs its client a retransmit a second or more later.
        connector.setAcceptQueueSize(ACCEPT_QUEUE);
        jetty.addConnector(connector);
        jetty.setHandler(TlsConnector.plainTextRefusal(tls, new OriginGuard(context(metrics), config.allowedOrigins(), metrics.originRefusals::increment)));
        jetty.setStopTimeout(GOODBYE.toMillis());
    }

    /// Jetty's pool may grow to 200 threads, and a burst of handshakes or of pongs grows it
    /// there: 10,000 connections opened 128 at a time left 199 idle pool threads, ~5 KB of RSS
    /// per connection, still there 70 s later (the pings every 20 s kept them busy enough not to
    /// be retired). Nothing on these threads waits for long (sends are asynchronous, history is
    /// written by its own thread), so a few per core are enough.
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

    /// Like [#start(ServerConfig)], reporting joins, leaves and refusals to `log`.
    public static ParleyServer start(ServerConfig config, ServerLog log) throws IOException {
        var tls = config.tls() ? TlsConnector.identity(config.dataDir()) : null; // before the store: nothing to close if it fails
        var server = new ParleyServer(config, HistoryStores.open(config, log), log, tls);
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
            timer.scheduleWithFixedDelay(service::pingAll, ping, ping, TimeUnit.MILLISECONDS);
        }
        timer.scheduleWithFixedDelay(service.admission.throttle()::sweep, 1, 1, TimeUnit.MINUTES);
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
        var metrics = hub.metrics;
        return new ServerStats(hub.connections.size(), hub.roomCount(), metrics.messagesIn.sum(),
                metrics.messagesOut.sum(), metrics.sendFailures.sum(), Duration.ofNanos(System.nanoTime() - startedNanos));
    }

    /// Every room with members, and the default room, sorted: what a LAN announcement lists.
    public java.util.List<String> roomNames() {
        return java.util.List.copyOf(hub.roomNames());
    }

    /// The members of `room` as its presence has told them (empty when nobody is there).
    public java.util.List<dev.parley.protocol.Message.Member> members(String room) {
        var found = hub.room(room);
        return found == null ? java.util.List.of() : found.roster().told(false);
    }

    /// Tells every member the room is closing (`system`), closes their connections (1001),
    /// stops Jetty and frees the port. Idempotent.
    public void stop() {
        if (!stopped.compareAndSet(false, true)) {
            return;
        }
        service.admission.closed = true;
        var goodbye = Outgoing.of(new SystemNotice("room is closing"));
        for (var connection : hub.connections) {
            connection.send(goodbye);
            connection.closeAfterFlush(1001, "server stopping");
        }
        long deadline = System.nanoTime() + GOODBYE.toNanos();
        while (!hub.connections.isEmpty() && System.nanoTime() < deadline) {
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
        hub.store.close();
    }

    @Override
    public void close() {
        stop();
    }
}
