package dev.parley.server;

import java.util.List;
import java.util.Locale;
import java.util.function.BiConsumer;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.HostPort;

/// The `Host` check of design.md, before any page or upgrade: a browser request whose `Host`
/// is not one of this machine's names or addresses (or an `--allow-host`) gets 421. Otherwise
/// DNS rebinding (a foreign name made to point here) would make a foreign page "same origin".
/// A WebSocket handshake without `Origin` comes from no browser (browsers always send one), so
/// its `Host` is whatever its user typed, alias or not.
final class HostGuard extends Handler.Wrapper {

    static final int MISDIRECTED = 421;

    private final List<String> allowed;
    private final LocalNames local;
    private final BiConsumer<String, String> onRefused;

    /// `onRefused` gets the peer's address and the reason (never the host: an attacker chose it).
    HostGuard(Handler handler, List<String> allowedHosts, LocalNames local, BiConsumer<String, String> onRefused) {
        super(handler);
        this.allowed = List.copyOf(allowedHosts);
        this.local = local;
        this.onRefused = onRefused;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        var headers = request.getHeaders();
        var host = headers.get(HttpHeader.HOST);
        boolean nativeClient = headers.get(HttpHeader.ORIGIN) == null && headers.contains(HttpHeader.UPGRADE, "websocket");
        if (host != null && !nativeClient && !allows(host)) {
            onRefused.accept(Request.getRemoteAddr(request), "unknown host");
            response.getHeaders().put(HttpHeader.CONNECTION, "close");
            Response.writeError(request, response, callback, MISDIRECTED, "unknown host; start the server with --allow-host to add one");
            return true;
        }
        return super.handle(request, response, callback);
    }

    boolean allows(String authority) {
        var full = authority.strip().toLowerCase(Locale.ROOT);
        String name;
        try {
            name = new HostPort(full).getHost();
        } catch (IllegalArgumentException malformed) {
            return false;
        }
        if (name.startsWith("[") && name.endsWith("]")) {
            name = name.substring(1, name.length() - 1);
        }
        if (name.endsWith(".")) {
            name = name.substring(0, name.length() - 1);
        }
        return !name.isEmpty() && (allowed.contains(name) || allowed.contains(full) || local.isOwn(name));
    }
}
