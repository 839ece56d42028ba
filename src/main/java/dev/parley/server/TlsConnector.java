package dev.parley.server;

import java.io.IOException;
import java.nio.file.Path;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpURI;
import org.eclipse.jetty.server.ConnectionFactory;
import org.eclipse.jetty.server.DetectorConnectionFactory;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.ssl.SslContextFactory;

/// The server's one port with TLS (`wss://` and `https://`). It still recognises clear text so
/// that a mistake gets an answer instead of a dropped connection: a plain WebSocket handshake
/// gets 426 "the server speaks TLS: use wss://", a browser asking `http://` is sent to `https://`.
final class TlsConnector {

    /// The status a plain `ws://` handshake gets on a TLS port (RFC 2817: upgrade to TLS).
    static final int TLS_REQUIRED = 426;

    private TlsConnector() {}

    static TlsIdentity identity(Path dataDir) throws IOException {
        return dataDir == null ? TlsIdentity.inMemory() : TlsIdentity.loadOrCreate(dataDir);
    }

    /// The connection factories of the TLS port, for a connector to serve.
    static ConnectionFactory[] factories(HttpConfiguration http, TlsIdentity identity) {
        var ssl = new SslContextFactory.Server();
        ssl.setKeyStore(identity.keyStore);
        ssl.setKeyStorePassword(identity.password);
        ssl.setCertAlias(TlsIdentity.ALIAS);
        var https = new HttpConfiguration(http);
        // Members type IP addresses the certificate may not name: the pin, not SNI, is the check.
        https.addCustomizer(new SecureRequestCustomizer(false, false, -1, false));
        var httpFactory = new HttpConnectionFactory(https);
        var tls = new SslConnectionFactory(ssl, httpFactory.getProtocol());
        // Not TLS? Then the next factory (plain HTTP) reads it, and plainTextRefusal answers.
        return new ConnectionFactory[] {new DetectorConnectionFactory(tls), httpFactory};
    }

    /// Wraps the server's handler when TLS is on (returns `next` as is otherwise).
    static Handler plainTextRefusal(TlsIdentity identity, Handler next) {
        return identity == null ? next : new Handler.Wrapper(next) {
            @Override
            public boolean handle(Request request, Response response, Callback callback) throws Exception {
                if (request.isSecure()) {
                    return super.handle(request, response, callback);
                }
                var host = request.getHeaders().get(HttpHeader.HOST);
                // Only a WebSocket handshake (a browser may ask for h2c, which is not a mistake to explain).
                boolean upgrade = request.getHeaders().contains(HttpHeader.UPGRADE, "websocket");
                if (upgrade || host == null) {
                    response.getHeaders().put(HttpHeader.UPGRADE, "TLS/1.3, HTTP/1.1");
                    response.getHeaders().put(HttpHeader.CONNECTION, "close");
                    Response.writeError(request, response, callback, TLS_REQUIRED, "the server speaks TLS: use wss://");
                    return true;
                }
                var target = HttpURI.build(request.getHttpURI()).scheme("https").host(null).port(-1);
                Response.sendRedirect(request, response, callback, 308, "https://" + host + target.getPathQuery(), false);
                return true;
            }
        };
    }
}
