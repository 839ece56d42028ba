package dev.parley.server;

import java.util.function.Supplier;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/// `/healthz` (JSON: connections, rooms, uptimeSeconds) and `/metrics` (Prometheus text);
/// other paths go on to the next handler.
final class StatusHandler extends Handler.Abstract.NonBlocking {

    private final Supplier<ServerStats> stats;
    private final Metrics metrics;

    StatusHandler(Supplier<ServerStats> stats, Metrics metrics) {
        this.stats = stats;
        this.metrics = metrics;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        var path = request.getHttpURI().getPath();
        boolean prometheus = "/metrics".equals(path);
        if (!prometheus && !"/healthz".equals(path)) {
            return false;
        }
        if (!WebPageHandler.isRead(request)) {
            Response.writeError(request, response, callback, 405);
            return true;
        }
        var now = stats.get();
        response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
        String body;
        if (prometheus) {
            response.getHeaders().put(HttpHeader.CONTENT_TYPE, "text/plain; version=0.0.4; charset=utf-8");
            body = metrics.prometheus(now.connections(), now.rooms());
        } else {
            response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
            body = "{\"connections\":" + now.connections() + ",\"rooms\":" + now.rooms()
                    + ",\"uptimeSeconds\":" + now.uptime().toSeconds() + "}";
        }
        Content.Sink.write(response, true, body, callback);
        return true;
    }
}
