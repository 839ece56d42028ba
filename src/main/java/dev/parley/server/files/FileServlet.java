package dev.parley.server.files;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/// `/files`: `PUT /files/{sha256}` and `GET /files/{sha256}/status` for a connected member
/// (`Authorization: Bearer` its upload token), `GET /files/{sha256}/{key}/{name}` and
/// `GET /files/thumbs/{sha256}/{key}` for whoever has the url a message carried. Nothing lists
/// files, and a wrong key is the same 404 as a missing file.
public final class FileServlet extends HttpServlet {

    /// How long a thumbnail request waits for one being made.
    private static final long THUMB_WAIT_SECONDS = 10;

    private final FileStore store;
    private final Upload upload;

    public FileServlet(FileStore store) {
        this.store = store;
        this.upload = new Upload(store);
    }

    @Override
    protected void doPut(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Download.protect(response);
        var path = segments(request);
        if (path.length != 1 || !FileStore.validSha(path[0])) {
            answer(response, Upload.problem(404, "PUT /files/{sha256}, the sha256 in lower-case hex"));
            return;
        }
        if (!authorized(request, response)) {
            return;
        }
        answer(response, upload.put(path[0], request.getHeader("Content-Range"), request.getContentLengthLong(),
                request.getInputStream()));
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Download.protect(response);
        var path = segments(request);
        boolean body = !"HEAD".equals(request.getMethod());
        if (path.length == 2 && path[1].equals("status") && FileStore.validSha(path[0])) {
            if (authorized(request, response)) {
                status(path[0], response);
            }
        } else if (path.length == 3 && FileStore.validSha(path[0]) && store.keys().matches(path[0], path[1])
                && Files.isRegularFile(store.blob(path[0]))) {
            var facts = store.facts(path[0]);
            Download.send(store.blob(path[0]), facts.mime(), name(request), request.getHeader("Range"), body, response);
        } else if (path.length == 3 && path[0].equals("thumbs") && FileStore.validSha(path[1])
                && store.keys().matches(path[1], path[2])) {
            thumbnail(path[1], body, response);
        } else {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
        }
    }

    @Override
    protected void doHead(HttpServletRequest request, HttpServletResponse response) throws IOException {
        doGet(request, response);
    }

    private void status(String sha, HttpServletResponse response) throws IOException {
        var blob = store.blob(sha);
        var partial = store.partial(sha);
        var json = Files.isRegularFile(blob) ? Upload.status(Files.size(blob), true)
                : Upload.status(Files.isRegularFile(partial) ? Files.size(partial) : 0, false);
        answer(response, new Upload.Answer(200, json));
    }

    private void thumbnail(String sha, boolean body, HttpServletResponse response) throws IOException {
        java.nio.file.Path thumb;
        try {
            thumb = store.thumbnail(sha).get(THUMB_WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException none) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            response.sendError(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
            return;
        }
        Download.send(thumb, "image/png", "thumbnail.png", null, body, response);
    }

    private boolean authorized(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (store.tokens().allows(request.getHeader("Authorization"))) {
            return true;
        }
        response.setHeader("WWW-Authenticate", "Bearer");
        answer(response, Upload.problem(401, "uploads need 'Authorization: Bearer TOKEN', the token of welcome.files"));
        return false;
    }

    private static void answer(HttpServletResponse response, Upload.Answer answer) throws IOException {
        response.setStatus(answer.status());
        response.setContentType("application/json");
        response.setHeader("Cache-Control", "no-store");
        var bytes = answer.json().getBytes(StandardCharsets.UTF_8);
        response.setContentLength(bytes.length);
        response.getOutputStream().write(bytes);
    }

    private static String[] segments(HttpServletRequest request) {
        var info = request.getPathInfo();
        return info == null || info.length() < 2 ? new String[0] : info.substring(1).split("/", -1);
    }

    /// The last segment of the raw url, decoded: the name the message gave the file.
    private static String name(HttpServletRequest request) {
        var uri = request.getRequestURI();
        var raw = uri.substring(uri.lastIndexOf('/') + 1);
        try {
            return URLDecoder.decode(raw.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException malformed) {
            return "download";
        }
    }
}
