package dev.parley.server;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.function.Supplier;

/// `/healthz` (JSON: connections, rooms, uptimeSeconds) and `/metrics` (Prometheus text).
final class StatusServlet extends HttpServlet {

    private final Supplier<ServerStats> stats;
    private final Metrics metrics;

    StatusServlet(Supplier<ServerStats> stats, Metrics metrics) {
        this.stats = stats;
        this.metrics = metrics;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        var now = stats.get();
        response.setHeader("Cache-Control", "no-store");
        if (request.getServletPath().equals("/metrics")) {
            response.setContentType("text/plain; version=0.0.4; charset=utf-8");
            response.getWriter().write(metrics.prometheus(now.connections(), now.rooms()));
        } else {
            response.setContentType("application/json");
            response.getWriter().write("{\"connections\":" + now.connections() + ",\"rooms\":" + now.rooms()
                    + ",\"uptimeSeconds\":" + now.uptime().toSeconds() + "}");
        }
    }
}
