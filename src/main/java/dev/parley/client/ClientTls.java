package dev.parley.client;

import jakarta.websocket.WebSocketContainer;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Consumer;
import javax.net.ssl.SSLException;
import org.eclipse.jetty.websocket.core.exception.UpgradeException;

/// The TLS side of one client: which Jetty container it connects with (the [SharedContainer]
/// for `ws://`, its own pinning [TlsContainer] for `wss://`), the [ClientEvent.ServerTrusted]
/// report, and what TLS failures mean for the user. Loop thread only, except the report.
final class ClientTls {

    private final ClientConfig config;
    private final boolean secure;
    private final KnownServers store;
    private final Loop loop;
    private final Consumer<ClientEvent> events;
    private TlsContainer own;
    private volatile String reported;

    ClientTls(ClientConfig config, ScheduledExecutorService loop, Consumer<ClientEvent> events) {
        this.config = config;
        this.secure = "wss".equalsIgnoreCase(config.serverUri().getScheme());
        this.store = config.knownServers() != null ? config.knownServers() : KnownServers.inMemory();
        this.loop = new Loop(loop);
        this.events = events;
    }

    WebSocketContainer acquire() {
        if (!secure) {
            return SharedContainer.acquire();
        }
        var trust = new PinningTrustManager(KnownServers.key(config.serverUri()), config.expectedFingerprint(), store, this::trusted);
        own = new TlsContainer(trust);
        return own.start();
    }

    /// For HTTPS next to the connection (file transfers): the same pinned trust, or null for `ws://`.
    javax.net.ssl.SSLContext httpsContext() {
        if (!secure) {
            return null;
        }
        return TlsContainer.sslContext(new PinningTrustManager(KnownServers.key(config.serverUri()),
                config.expectedFingerprint(), store, (fingerprint, firstUse) -> {}));
    }

    void release() {
        if (!secure) {
            SharedContainer.release();
        } else if (own != null) {
            own.stop();
            own = null;
        }
    }

    /// Once per client and certificate, not on every reconnect; before the connection opens.
    private void trusted(String fingerprint, boolean firstUse) {
        if (!fingerprint.equals(reported)) {
            reported = fingerprint;
            loop.post(() -> events.accept(new ClientEvent.ServerTrusted(fingerprint, firstUse)));
        }
    }

    /// A connect failure in words, TLS causes first: a refused certificate, clear text to a
    /// TLS port (the server's 426) and TLS to a clear-text port.
    Failures.Outcome explain(Throwable error) {
        for (var cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof CertificatePinException pin) {
                return new Failures.Outcome(DisconnectReason.CERTIFICATE_CHANGED, pin.getMessage());
            }
            if (cause instanceof UpgradeException upgrade && upgrade.getResponseStatusCode() == 426) {
                return new Failures.Outcome(DisconnectReason.REFUSED, "the server speaks TLS: use wss://");
            }
            if (secure && cause instanceof SSLException ssl && ssl.getMessage() != null
                    && (ssl.getMessage().contains("plaintext") || ssl.getMessage().contains("Unsupported or unrecognized SSL message"))) {
                return new Failures.Outcome(DisconnectReason.REFUSED, "the server does not speak TLS: use ws://");
            }
        }
        return Failures.ofConnectFailure(error);
    }
}
