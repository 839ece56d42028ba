package dev.parley.client;

import jakarta.websocket.WebSocketContainer;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.client.transport.HttpClientTransportOverHTTP;
import org.eclipse.jetty.ee10.websocket.jakarta.client.JakartaWebSocketClientContainer;
import org.eclipse.jetty.io.ClientConnector;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.eclipse.jetty.util.thread.ScheduledExecutorScheduler;
import org.eclipse.jetty.websocket.core.WebSocketComponents;
import org.eclipse.jetty.websocket.core.client.WebSocketCoreClient;

/// A Jetty WebSocket client of its own for one `wss://` [ParleyClient]. Jetty has one TLS
/// configuration per HTTP client, and each client pins its own server, so TLS clients cannot
/// share the [SharedContainer]. Its threads are daemons and stop with [#stop].
final class TlsContainer {

    private final HttpClient httpClient;
    private final JakartaWebSocketClientContainer container;

    TlsContainer(PinningTrustManager trust) {
        var threads = new QueuedThreadPool(8, 1);
        threads.setName("parley-jetty-tls");
        threads.setDaemon(true);
        var ssl = new SslContextFactory.Client();
        ssl.setSslContext(sslContext(trust));
        // Self-signed certificates on LAN addresses: the pin is the check, not the host name.
        ssl.setEndpointIdentificationAlgorithm(null);
        var connector = new ClientConnector();
        connector.setSslContextFactory(ssl);
        connector.setExecutor(threads);
        connector.setScheduler(new ScheduledExecutorScheduler("parley-jetty-tls-scheduler", true));
        httpClient = new HttpClient(new HttpClientTransportOverHTTP(connector));
        httpClient.setConnectTimeout(SharedContainer.CONNECT_TIMEOUT_MILLIS);
        httpClient.setIdleTimeout(SharedContainer.HANDSHAKE_SILENCE_MILLIS);
        var components = new WebSocketComponents(null, null, null, null, null, threads);
        container = new JakartaWebSocketClientContainer(components, c -> new WebSocketCoreClient(httpClient, c));
        container.setDefaultMaxTextMessageBufferSize(SharedContainer.MAX_TEXT_MESSAGE_BYTES);
        container.setDefaultMaxSessionIdleTimeout(0);
    }

    static SSLContext sslContext(PinningTrustManager trust) {
        try {
            var context = SSLContext.getInstance("TLS");
            context.init(null, new TrustManager[] {trust}, new SecureRandom());
            return context;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this JDK has no TLS: " + e.getMessage(), e);
        }
    }

    WebSocketContainer start() {
        try {
            httpClient.start();
            container.start();
            return container;
        } catch (Exception e) {
            stop();
            throw new IllegalStateException("could not start Jetty's WebSocket client: " + e.getMessage(), e);
        }
    }

    /// Never from a Jetty thread (it joins them).
    void stop() {
        try {
            container.stop();
            httpClient.stop();
        } catch (Exception e) {
            System.getLogger(TlsContainer.class.getName()).log(System.Logger.Level.WARNING, "stopping Jetty's TLS client failed", e);
        }
    }
}
