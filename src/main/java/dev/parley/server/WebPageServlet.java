package dev.parley.server;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;
import java.util.Map;

/// The web client: files under `/web/` on the class path, `/` being `index.html` and `/check`
/// the connection check `check.html`. Anything
/// else — including every path when the page is not packaged — is 404.
final class WebPageServlet extends HttpServlet {

    private static final Map<String, String> TYPES = Map.ofEntries(
            Map.entry("html", "text/html; charset=utf-8"), Map.entry("js", "text/javascript; charset=utf-8"),
            Map.entry("mjs", "text/javascript; charset=utf-8"), Map.entry("css", "text/css; charset=utf-8"),
            Map.entry("json", "application/json"), Map.entry("webmanifest", "application/manifest+json"),
            Map.entry("svg", "image/svg+xml"), Map.entry("png", "image/png"), Map.entry("ico", "image/x-icon"),
            Map.entry("txt", "text/plain; charset=utf-8"), Map.entry("woff2", "font/woff2"));

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        var path = request.getRequestURI().substring(request.getContextPath().length());
        if (path.equals("/") || path.isEmpty()) {
            path = "/index.html";
        } else if (path.equals("/check")) {
            path = "/check.html";
        }
        var dot = path.lastIndexOf('.');
        var type = dot < 0 ? null : TYPES.get(path.substring(dot + 1).toLowerCase(Locale.ROOT));
        // Only plain file names: no traversal, no encoded tricks, no directories.
        if (type == null || path.contains("..") || path.contains("//") || path.contains("\\") || path.contains("%")) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        try (var in = WebPageServlet.class.getResourceAsStream("/web" + path)) {
            if (in == null) {
                response.sendError(HttpServletResponse.SC_NOT_FOUND);
                return;
            }
            response.setContentType(type);
            response.setHeader("Cache-Control", "no-cache");
            response.setHeader("X-Content-Type-Options", "nosniff");
            in.transferTo(response.getOutputStream());
        }
    }
}
