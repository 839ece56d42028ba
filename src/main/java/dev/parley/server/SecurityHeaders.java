package dev.parley.server;

import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/// Headers every answer carries (the page, its files, `/healthz`, `/metrics`, errors): no
/// content sniffing, no framing by another page, and a Content-Security-Policy that lets the
/// page run only its own script and style and talk only to this server. A handler further in
/// may narrow the policy for what it serves (a shared file) by setting its own.
final class SecurityHeaders extends Handler.Wrapper {

    static final String POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; "
            + "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    SecurityHeaders(Handler handler) {
        super(handler);
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        var headers = response.getHeaders();
        headers.put("X-Content-Type-Options", "nosniff");
        headers.put("X-Frame-Options", "DENY");
        headers.put("Content-Security-Policy", POLICY + connectSource(request.getHeaders().get(HttpHeader.HOST)));
        headers.put("Referrer-Policy", "no-referrer");
        return super.handle(request, response, callback);
    }

    /// `'self'` covers `ws:`/`wss:` to the same host in current browsers; older Safari needs the
    /// WebSocket origin spelled out. `Host` has been checked by [HostGuard] but is still the
    /// client's text: only a plain host[:port] goes into the header.
    static String connectSource(String host) {
        if (host == null || !host.matches("[A-Za-z0-9.\\-]{1,253}(:[0-9]{1,5})?|\\[[0-9A-Fa-f:.]{2,45}](:[0-9]{1,5})?")) {
            return "; connect-src 'self'";
        }
        return "; connect-src 'self' ws://" + host + " wss://" + host;
    }
}
