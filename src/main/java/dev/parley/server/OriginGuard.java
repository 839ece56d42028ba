package dev.parley.server;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;
import java.util.function.BiConsumer;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/// The origin policy of design.md, applied before the WebSocket upgrade: no `Origin` (native
/// clients) or the server's own origin (its web page) passes; another origin gets 403 unless
/// listed in `allowedOrigins` (`*` allows all). Otherwise any page open in a browser on the
/// LAN could read the room.
final class OriginGuard extends Handler.Wrapper {

    private final List<String> allowed;
    private final BiConsumer<String, String> onRefused;

    /// `onRefused` hears (the peer's address, the refused origin).
    OriginGuard(Handler handler, List<String> allowedOrigins, BiConsumer<String, String> onRefused) {
        super(handler);
        this.allowed = allowedOrigins.stream().map(OriginGuard::normalize).toList();
        this.onRefused = onRefused;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        if ("/ws".equals(Request.getPathInContext(request))) {
            var origin = request.getHeaders().get(HttpHeader.ORIGIN);
            if (origin != null && !allows(origin, request.getHeaders().get(HttpHeader.HOST))) {
                onRefused.accept(Request.getRemoteAddr(request), origin);
                Response.writeError(request, response, callback, 403, "origin not allowed");
                return true;
            }
        }
        return super.handle(request, response, callback);
    }

    boolean allows(String origin, String host) {
        var normalized = normalize(origin);
        return allowed.contains("*") || allowed.contains(normalized) || sameAuthority(normalized, host);
    }

    private static boolean sameAuthority(String origin, String host) {
        if (host == null) {
            return false;
        }
        try {
            var uri = new URI(origin);
            if (uri.getRawAuthority() == null || uri.getScheme() == null) {
                return false;
            }
            var defaultPort = uri.getScheme().equals("https") ? ":443" : ":80";
            return withoutPort(uri.getRawAuthority(), defaultPort).equals(withoutPort(host.toLowerCase(Locale.ROOT), defaultPort));
        } catch (URISyntaxException bad) {
            return false;
        }
    }

    private static String withoutPort(String authority, String defaultPort) {
        return authority.endsWith(defaultPort) ? authority.substring(0, authority.length() - defaultPort.length()) : authority;
    }

    private static String normalize(String origin) {
        var value = origin.strip().toLowerCase(Locale.ROOT);
        return value.endsWith("/") ? value.substring(0, value.length() - 1) : value;
    }
}
