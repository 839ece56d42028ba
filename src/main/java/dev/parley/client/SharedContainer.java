package dev.parley.client;

import jakarta.websocket.WebSocketContainer;
import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.client.transport.HttpClientTransportOverHTTP;
import org.eclipse.jetty.ee10.websocket.jakarta.client.JakartaWebSocketClientContainer;
import org.eclipse.jetty.io.ClientConnector;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.eclipse.jetty.util.thread.ScheduledExecutorScheduler;
import org.eclipse.jetty.websocket.core.WebSocketComponents;

/// One Jetty WebSocket client container shared by every [ParleyClient] of the JVM, started
/// with the first client and stopped with the last, so that a hundred clients (the benchmark)
/// share one thread pool and closing them all leaves no Jetty thread behind.
final class SharedContainer {

    /// How long a TCP connect + upgrade may take before the address counts as unreachable.
    static final long CONNECT_TIMEOUT_MILLIS = 5_000;
    /// How long a handshake may wait in silence for the server's answer before its socket is
    /// closed and the attempt counts as lost. Jetty's default (30 s) left an unanswered
    /// attempt's socket open long after Jakarta's `connectToServer` had given up on it. A
    /// WebSocket, once open, has its own idle limit (none: [Heartbeat] watches it).
    static final long HANDSHAKE_SILENCE_MILLIS = 5_000;
    /// History pages can be much larger than what a client may send (64 KiB).
    static final int MAX_TEXT_MESSAGE_BYTES = 16 * 1024 * 1024;

    private static JakartaWebSocketClientContainer container;
    private static HttpClient httpClient;
    private static int users;

    private SharedContainer() {}

    /// Returns the running container, starting it if this is the first user.
    static synchronized WebSocketContainer acquire() {
        if (users == 0) {
            start();
        }
        users++;
        return container;
    }

    /// One user is done; the last one stops Jetty's threads. Never call from a Jetty thread.
    static synchronized void release() {
        if (users == 0) {
            return;
        }
        users--;
        if (users == 0) {
            stop();
        }
    }

    static synchronized int users() {
        return users;
    }

    /// True when the running container built a TLS context (it should not: see [PlainConnector]).
    static synchronized boolean builtTlsContext() {
        return httpClient != null && httpClient.getSslContextFactory() != null;
    }

    private static void start() {
        // Daemon threads: a client a program forgot to close must not keep the JVM alive.
        // At most Jetty's default 200 threads, but only 2 kept while idle (the default keeps 8):
        // the window has one connection, and a burst's threads retire after a minute.
        var threads = new QueuedThreadPool(200, 2);
        threads.setName("parley-jetty-client");
        threads.setDaemon(true);
        httpClient = new HttpClient(new HttpClientTransportOverHTTP(new PlainConnector()));
        httpClient.setExecutor(threads);
        httpClient.setScheduler(new ScheduledExecutorScheduler("parley-jetty-client-scheduler", true));
        httpClient.setConnectTimeout(CONNECT_TIMEOUT_MILLIS);
        httpClient.setIdleTimeout(HANDSHAKE_SILENCE_MILLIS);
        var components = new WebSocketComponents(null, null, null, null, null, threads);
        container = new JakartaWebSocketClientContainer(components,
                c -> new org.eclipse.jetty.websocket.core.client.WebSocketCoreClient(httpClient, c));
        container.setDefaultMaxTextMessageBufferSize(MAX_TEXT_MESSAGE_BYTES);
        container.setDefaultMaxSessionIdleTimeout(0);
        try {
            httpClient.start();
            container.start();
        } catch (Exception e) {
            stop();
            throw new IllegalStateException("could not start Jetty's WebSocket client: " + e.getMessage(), e);
        }
    }

    /// Connects ws:// only (wss:// has a [TlsContainer] of its own). Jetty's connector would
    /// otherwise build a default TLS context when it starts, reading the JDK's trust store:
    /// about 470 classes and the trust store's 144 certificates parsed, none of which a ws://
    /// connection uses.
    private static final class PlainConnector extends ClientConnector {
        @Override
        protected SslContextFactory.Client newSslContextFactory() {
            return null;
        }
    }

    private static void stop() {
        try {
            if (container != null) {
                container.stop();
            }
            if (httpClient != null) {
                httpClient.stop();
            }
        } catch (Exception e) {
            System.getLogger(SharedContainer.class.getName())
                    .log(System.Logger.Level.WARNING, "stopping Jetty's WebSocket client failed", e);
        } finally {
            container = null;
            httpClient = null;
        }
    }
}
