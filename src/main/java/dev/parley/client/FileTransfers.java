package dev.parley.client;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
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
    /// How long a transfer may move no byte before it is given up (and retried by its caller).
    static final Duration STALL = Duration.ofSeconds(20);

    private final URI base;
    private final HttpClient http;
    private final Duration stall;

    private FileTransfers(URI base, HttpClient http, Duration stall) {
        this.base = base;
        this.http = http;
        this.stall = stall;
    }

    /// For the server of the chat endpoint `ws://HOST:PORT/ws` (or `wss://` with `tls`, the
    /// context that trusts that server; null for `ws://`).
    public static FileTransfers forServer(URI endpoint, SSLContext tls) {
        return forServer(endpoint, tls, STALL);
    }

    /// As [#forServer(URI, SSLContext)], giving up a transfer that moves no byte for `stall`.
    static FileTransfers forServer(URI endpoint, SSLContext tls, Duration stall) {
        var secure = "wss".equalsIgnoreCase(endpoint.getScheme()) || "https".equalsIgnoreCase(endpoint.getScheme());
        var base = URI.create((secure ? "https://" : "http://") + endpoint.getRawAuthority() + "/");
        var builder = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10));
        if (tls != null) {
            builder.sslContext(tls);
        }
        return new FileTransfers(base, builder.build(), stall);
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
                .header("Authorization", "Bearer " + token).GET().build(), new Stall(stall));
        long received = number(RECEIVED, status.body(), 0);
        if (COMPLETE.matcher(status.body()).find()) {
            progress.moved(size, size);
            return new Uploaded(sha, size);
        }
        long from = received <= size ? received : 0;
        var watch = new Stall(stall);
        var request = HttpRequest.newBuilder(base.resolve("files/" + sha))
                .header("Authorization", "Bearer " + token)
                .PUT(HttpRequest.BodyPublishers.fromPublisher(
                        HttpRequest.BodyPublishers.ofByteArrays(new Chunks(file, from, size, watch.watching(progress))), size - from));
        if (size > 0) {
            request.header("Content-Range", "bytes " + from + "-" + (size - 1) + "/" + size);
        }
        var answer = send(request.build(), watch);
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
        var watch = new Stall(stall);
        var response = watch.await(http.sendAsync(request.build(), info -> {
            int status = info.statusCode();
            if (status != 200 && status != 206) {
                return HttpResponse.BodySubscribers.mapping(HttpResponse.BodySubscribers.ofString(
                        java.nio.charset.StandardCharsets.UTF_8), reason -> (Object) reason);
            }
            long start = status == 206 ? have : 0;
            long total = start + info.headers().firstValueAsLong("Content-Length").orElse(-1);
            return new FileWriting(target, start, total, watch.watching(progress));
        }));
        int status = response.statusCode();
        if (status == 416 && have > 0) {
            return; // the target holds the whole file already
        }
        if (status != 200 && status != 206) {
            throw new RefusedException(status, String.valueOf(response.body()));
        }
        if (response.body() instanceof IOException failed) {
            throw failed;
        }
    }

    private HttpResponse<String> send(HttpRequest request, Stall watch) throws IOException, InterruptedException {
        var response = watch.await(http.sendAsync(request, HttpResponse.BodyHandlers.ofString()));
        if (response.statusCode() >= 300) {
            throw new RefusedException(response.statusCode(), response.body());
        }
        return response;
    }

    private static long number(Pattern pattern, String json, long otherwise) {
        var matcher = pattern.matcher(json);
        return matcher.find() ? Long.parseLong(matcher.group(1)) : otherwise;
    }

    /// The file from `from` in chunks of [#BUFFER], read as the request asks for them.
    private record Chunks(Path file, long from, long size, Progress progress) implements Iterable<byte[]> {
        @Override
        public java.util.Iterator<byte[]> iterator() {
            return new java.util.Iterator<>() {
                private long at = from;

                @Override
                public boolean hasNext() {
                    return at < size;
                }

                @Override
                public byte[] next() {
                    var chunk = new byte[(int) Math.min(BUFFER, size - at)];
                    try (var channel = FileChannel.open(file, StandardOpenOption.READ)) {
                        var buffer = java.nio.ByteBuffer.wrap(chunk);
                        while (buffer.hasRemaining()) {
                            if (channel.read(buffer, at + buffer.position()) < 0) {
                                throw new java.io.UncheckedIOException(new IOException(file + " became shorter while it was sent"));
                            }
                        }
                    } catch (IOException unreadable) {
                        throw new java.io.UncheckedIOException(unreadable);
                    }
                    at += chunk.length;
                    progress.moved(at, size);
                    return chunk;
                }
            };
        }
    }

    /// Writes a download's body into `target` from `start`, reporting progress; completes with
    /// null, or with the [IOException] that stopped it.
    private static final class FileWriting implements HttpResponse.BodySubscriber<Object> {
        private final Path target;
        private final long total;
        private final Progress progress;
        private final java.util.concurrent.CompletableFuture<Object> result = new java.util.concurrent.CompletableFuture<>();
        private FileChannel channel;
        private long done;
        private java.util.concurrent.Flow.Subscription subscription;

        FileWriting(Path target, long start, long total, Progress progress) {
            this.target = target;
            this.total = total;
            this.progress = progress;
            this.done = start;
        }

        @Override
        public java.util.concurrent.CompletionStage<Object> getBody() {
            return result;
        }

        @Override
        public void onSubscribe(java.util.concurrent.Flow.Subscription subscription) {
            this.subscription = subscription;
            try {
                channel = FileChannel.open(target, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                channel.truncate(done).position(done);
                subscription.request(1);
            } catch (IOException failed) {
                subscription.cancel();
                result.complete(failed);
            }
        }

        @Override
        public void onNext(java.util.List<java.nio.ByteBuffer> buffers) {
            try {
                for (var buffer : buffers) {
                    done += buffer.remaining();
                    while (buffer.hasRemaining()) {
                        channel.write(buffer);
                    }
                }
                progress.moved(done, total);
                subscription.request(1);
            } catch (IOException failed) {
                subscription.cancel();
                close();
                result.complete(failed);
            }
        }

        @Override
        public void onError(Throwable failure) {
            close();
            result.complete(failure instanceof IOException io ? io : new IOException(failure));
        }

        @Override
        public void onComplete() {
            close();
            result.complete(null);
        }

        private void close() {
            try {
                if (channel != null) {
                    channel.close();
                }
            } catch (IOException ignored) {
                // What was written stays; a later download continues from it.
            }
        }
    }
}
