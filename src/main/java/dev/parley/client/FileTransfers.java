package dev.parley.client;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.regex.Pattern;
import javax.net.ssl.SSLContext;

/// Uploads and downloads of shared files (wire protocol v2, "Files and images") over HTTP next
/// to the chat connection: an upload is hashed, then sent from where the server's copy stops
/// (after a cut connection or a server restart), a download continues a partial target file.
/// Blocking calls, for a background thread; an interrupt cancels. No JavaFX, no Jetty.
public final class FileTransfers {

    /// Reports bytes moved so far out of `total`; called on the transferring thread.
    @FunctionalInterface
    public interface Progress {
        Progress NONE = (done, total) -> {};

        void moved(long done, long total);
    }

    /// The server's answer to a finished upload.
    public record Uploaded(String sha256, long size) {}

    /// A transfer the server refused: its HTTP status (413 too large, 507 no space, 422 content
    /// changed, 401 token no longer valid…) and the reason it gave.
    public static final class RefusedException extends IOException {
        private final int status;

        RefusedException(int status, String reason) {
            super("HTTP " + status + ": " + reason);
            this.status = status;
        }

        public int status() {
            return status;
        }
    }

    private static final Pattern RECEIVED = Pattern.compile("\"received\"\\s*:\\s*(\\d+)");
    private static final Pattern COMPLETE = Pattern.compile("\"complete\"\\s*:\\s*true");
    private static final int BUFFER = 1 << 20;

    private final URI base;
    private final HttpClient http;

    private FileTransfers(URI base, HttpClient http) {
        this.base = base;
        this.http = http;
    }

    /// For the server of the chat endpoint `ws://HOST:PORT/ws` (or `wss://` with `tls`, the
    /// context that trusts that server; null for `ws://`).
    public static FileTransfers forServer(URI endpoint, SSLContext tls) {
        var secure = "wss".equalsIgnoreCase(endpoint.getScheme()) || "https".equalsIgnoreCase(endpoint.getScheme());
        var base = URI.create((secure ? "https://" : "http://") + endpoint.getRawAuthority() + "/");
        var builder = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10));
        if (tls != null) {
            builder.sslContext(tls);
        }
        return new FileTransfers(base, builder.build());
    }

    /// The lower-case hex SHA-256 of a file's content.
    public static String sha256(Path file) throws IOException {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
        try (var in = Files.newInputStream(file)) {
            var buffer = new byte[BUFFER];
            int read;
            while ((read = in.read(buffer)) >= 0) {
                digest.update(buffer, 0, read);
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    /// Uploads `file` with the connection's upload `token` (`welcome.files.token`): asks how
    /// much the server has, then sends the rest. `sha256` may be null (it is computed).
    public Uploaded upload(Path file, String sha256, String token, Progress progress)
            throws IOException, InterruptedException {
        var sha = sha256 != null ? sha256 : sha256(file);
        long size = Files.size(file);
        var status = send(HttpRequest.newBuilder(base.resolve("files/" + sha + "/status"))
                .header("Authorization", "Bearer " + token).GET().build());
        long received = number(RECEIVED, status.body(), 0);
        if (COMPLETE.matcher(status.body()).find()) {
            progress.moved(size, size);
            return new Uploaded(sha, size);
        }
        long from = received <= size ? received : 0;
        var request = HttpRequest.newBuilder(base.resolve("files/" + sha))
                .header("Authorization", "Bearer " + token)
                .PUT(HttpRequest.BodyPublishers.fromPublisher(HttpRequest.BodyPublishers.ofInputStream(
                        () -> counted(file, from, size, progress)), size - from));
        if (size > 0) {
            request.header("Content-Range", "bytes " + from + "-" + (size - 1) + "/" + size);
        }
        var answer = send(request.build());
        if (answer.statusCode() == 202) {
            throw new IOException("the server has " + number(RECEIVED, answer.body(), 0) + " of " + size + " bytes; upload again to continue");
        }
        return new Uploaded(sha, size);
    }

    /// Downloads the file at `url` (a message's `file.url`, relative to the server) into
    /// `target`; an existing shorter `target` is continued with a `Range` request.
    public void download(String url, Path target, Progress progress) throws IOException, InterruptedException {
        long have = Files.isRegularFile(target) ? Files.size(target) : 0;
        var request = HttpRequest.newBuilder(base.resolve(url.startsWith("/") ? url.substring(1) : url)).GET();
        if (have > 0) {
            request.header("Range", "bytes=" + have + "-");
        }
        var response = http.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
        int status = response.statusCode();
        if (status == 416 && have > 0) {
            response.body().close();
            return; // the target holds the whole file already
        }
        if (status != 200 && status != 206) {
            String reason;
            try (var body = response.body()) {
                reason = new String(body.readNBytes(500), java.nio.charset.StandardCharsets.UTF_8);
            }
            throw new RefusedException(status, reason);
        }
        long start = status == 206 ? have : 0;
        long total = start + response.headers().firstValueAsLong("Content-Length").orElse(-1);
        try (var body = response.body();
             var channel = FileChannel.open(target, StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
            channel.truncate(start).position(start);
            var out = Channels.newOutputStream(channel);
            var buffer = new byte[BUFFER];
            long done = start;
            int read;
            while ((read = body.read(buffer)) >= 0) {
                out.write(buffer, 0, read);
                done += read;
                progress.moved(done, total);
            }
        }
    }

    private HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
        var response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() >= 300) {
            throw new RefusedException(response.statusCode(), response.body());
        }
        return response;
    }

    private static long number(Pattern pattern, String json, long otherwise) {
        var matcher = pattern.matcher(json);
        return matcher.find() ? Long.parseLong(matcher.group(1)) : otherwise;
    }

    private static InputStream counted(Path file, long from, long size, Progress progress) {
        try {
            var channel = FileChannel.open(file, StandardOpenOption.READ).position(from);
            return new FilterInputStream(Channels.newInputStream(channel)) {
                private long done = from;

                @Override
                public int read(byte[] buffer, int offset, int length) throws IOException {
                    int read = super.read(buffer, offset, length);
                    if (read > 0) {
                        done += read;
                        progress.moved(done, size);
                    }
                    return read;
                }
            };
        } catch (IOException unreadable) {
            throw new java.io.UncheckedIOException(unreadable);
        }
    }
}
