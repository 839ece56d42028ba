package dev.parley.server;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/// The web client: files under `/web/` on the class path, `/` being `index.html`, each read
/// once and then answered from memory (a few KB). Anything else — including every path when
/// the page is not packaged — is 404.
final class WebPageHandler extends Handler.Abstract.NonBlocking {

    private static final Map<String, String> TYPES = Map.ofEntries(
            Map.entry("html", "text/html;charset=utf-8"), Map.entry("js", "text/javascript;charset=utf-8"),
            Map.entry("mjs", "text/javascript;charset=utf-8"), Map.entry("css", "text/css;charset=utf-8"),
            Map.entry("json", "application/json"), Map.entry("webmanifest", "application/manifest+json"),
            Map.entry("svg", "image/svg+xml"), Map.entry("png", "image/png"), Map.entry("ico", "image/x-icon"),
            Map.entry("txt", "text/plain;charset=utf-8"), Map.entry("woff2", "font/woff2"));

    private final Map<String, byte[]> files = new ConcurrentHashMap<>();

    static boolean isRead(Request request) {
        return HttpMethod.GET.is(request.getMethod()) || HttpMethod.HEAD.is(request.getMethod());
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        var path = request.getHttpURI().getPath();
        if (path == null || path.equals("/") || path.isEmpty()) {
            path = "/index.html";
        }
        var dot = path.lastIndexOf('.');
        var type = dot < 0 ? null : TYPES.get(path.substring(dot + 1).toLowerCase(Locale.ROOT));
        // Only plain file names: no traversal, no encoded tricks, no directories.
        if (type == null || path.contains("..") || path.contains("//") || path.contains("\\") || path.contains("%")) {
            Response.writeError(request, response, callback, 404);
            return true;
        }
        var file = files.get(path);
        if (file == null) {
            file = load(path);
            if (file != null) {
                files.put(path, file); // only packaged files: the map cannot grow past them
            }
        }
        if (file == null) {
            Response.writeError(request, response, callback, 404);
            return true;
        }
        if (!isRead(request)) {
            Response.writeError(request, response, callback, 405);
            return true;
        }
        var headers = response.getHeaders();
        headers.put(HttpHeader.CONTENT_TYPE, type);
        headers.put(HttpHeader.CACHE_CONTROL, "no-cache");
        headers.put("X-Content-Type-Options", "nosniff");
        headers.put(HttpHeader.CONTENT_LENGTH, file.length);
        response.write(true, ByteBuffer.wrap(file), callback);
        return true;
    }

    private static byte[] load(String path) {
        try (var in = WebPageHandler.class.getResourceAsStream("/web" + path)) {
            return in == null ? null : in.readAllBytes();
        } catch (IOException failure) {
            throw new UncheckedIOException(failure);
        }
    }
}
