package dev.parley.client;

import dev.parley.protocol.Fingerprint;
import java.net.Socket;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.function.BiConsumer;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedTrustManager;

/// Trusts a server's (self-signed) certificate by its SHA-256 fingerprint, like SSH: the one
/// pinned in [KnownServers] must match; with no pin, an expected fingerprint (from discovery or
/// the user) must match; with neither, the certificate is pinned on first use. A pin always wins
/// over an expected fingerprint, which may come from an unauthenticated discovery record.
/// No certificate authority, no host name check: the pin replaces both.
final class PinningTrustManager extends X509ExtendedTrustManager {

    private final String hostPort;
    private final String expected;
    private final KnownServers store;
    private final BiConsumer<String, Boolean> trusted;

    /// `trusted` receives (fingerprint, firstUse) after each accepted handshake, on Jetty's thread.
    PinningTrustManager(String hostPort, String expected, KnownServers store, BiConsumer<String, Boolean> trusted) {
        this.hostPort = hostPort;
        this.expected = expected;
        this.store = store;
        this.trusted = trusted;
    }

    void check(X509Certificate[] chain) throws CertificateException {
        if (chain == null || chain.length == 0) {
            throw new CertificateException("the server sent no certificate");
        }
        var presented = Fingerprint.of(chain[0].getEncoded());
        // One check-and-pin at a time: two first connections must not pin two certificates.
        synchronized (store) {
            var pin = store.fingerprint(hostPort);
            if (pin != null && !pin.equals(presented)) {
                throw new CertificatePinException(hostPort, pin, presented, true);
            }
            if (expected != null && !expected.equals(presented)) {
                throw new CertificatePinException(hostPort, expected, presented, false);
            }
            if (pin == null) {
                store.remember(hostPort, presented);
            }
            trusted.accept(presented, pin == null && expected == null);
        }
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) throws CertificateException {
        check(chain);
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
        check(chain);
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        check(chain);
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) throws CertificateException {
        throw new CertificateException("a Parley client does not accept client certificates");
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
        throw new CertificateException("a Parley client does not accept client certificates");
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        throw new CertificateException("a Parley client does not accept client certificates");
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
        return new X509Certificate[0];
    }
}
