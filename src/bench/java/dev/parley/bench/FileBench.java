package dev.parley.bench;

import dev.parley.client.FileTransfers;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;

/// Uploads one file to a Parley server over loopback, shares it, downloads it back, and prints
/// MB/s of each and the server's RSS growth over what it held before the upload:
/// `RESULT upload_mb_s=… download_mb_s=… rss_growth_mib=… bytes=…`.
/// The upload is timed from the first byte sent to the server's answer; the client's own
/// hashing of the file beforehand is not counted (a client does it once, before it sends).
/// Both transfers use [RawHttp] (the kernel's sendfile up, bytes counted and dropped down), so
/// that on a machine of few cores the figures are the server's, not this client's copying.
///   java -cp … dev.parley.bench.FileBench ws://127.0.0.1:3001/ws FILE SERVER_PID
public final class FileBench {

    record Result(double uploadMbPerSecond, double downloadMbPerSecond, double rssGrowthMib, long bytes) {}

    private static final Pattern TOKEN = Pattern.compile("\"token\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern URL = Pattern.compile("\"url\"\\s*:\\s*\"([^\"]+)\"");
    private static final int WAIT_SECONDS = 30;

    private final URI endpoint;
    private final Path file;
    private final long serverPid;
    private final PrintStream out;

    FileBench(URI endpoint, Path file, long serverPid, PrintStream out) {
        this.endpoint = endpoint;
        this.file = file;
        this.serverPid = serverPid;
        this.out = out;
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 3) {
            System.err.println("usage: FileBench ws://HOST:PORT/ws FILE SERVER_PID");
            System.exit(2);
        }
        new FileBench(URI.create(args[0]), Path.of(args[1]), Long.parseLong(args[2]), System.out).run();
    }

    Result run() throws Exception {
        var frames = new LinkedBlockingQueue<String>();
        var http = HttpClient.newHttpClient();
        var socket = http.newWebSocketBuilder().buildAsync(URI.create(endpoint + "?clientId=bench"), new Frames(frames))
                .get(WAIT_SECONDS, TimeUnit.SECONDS);
        try {
            var token = find(frames, "welcome", TOKEN);
            var sha = FileTransfers.sha256(file);
            long size = Files.size(file);
            var rss = new RssPeak(serverPid);
            long before = rss.start();
            long start = System.nanoTime();
            var answer = RawHttp.put(endpoint, "/files/" + sha, token, file);
            if (!answer.startsWith("HTTP/1.1 201")) {
                throw new IllegalStateException("upload answered " + answer);
            }
            double upload = megabytesPerSecond(size, System.nanoTime() - start);
            socket.sendText("{\"type\":\"chat\",\"payload\":{\"cid\":\"bench\",\"file\":{\"sha256\":\"" + sha
                    + "\",\"name\":\"bench.bin\"}}}", true).get(WAIT_SECONDS, TimeUnit.SECONDS);
            var url = find(frames, "\"cid\":\"bench\"", URL);
            start = System.nanoTime();
            long received = RawHttp.get(endpoint, url);
            double download = megabytesPerSecond(received, System.nanoTime() - start);
            double growth = (rss.stop() - before) / 1024.0;
            if (received != size) {
                throw new IllegalStateException("downloaded " + received + " of " + size + " bytes");
            }
            var result = new Result(upload, download, growth, size);
            out.printf("RESULT upload_mb_s=%.1f download_mb_s=%.1f rss_growth_mib=%.1f bytes=%d%n",
                    upload, download, growth, size);
            return result;
        } finally {
            socket.abort();
        }
    }

    /// MB/s with MB = 10^6 bytes, as `dd` and `pv` print it.
    static double megabytesPerSecond(long bytes, long nanos) {
        return bytes / 1e6 / (nanos / 1e9);
    }

    /// The first text frame containing `marker`, and `pattern`'s group 1 in it.
    private static String find(LinkedBlockingQueue<String> frames, String marker, Pattern pattern) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_SECONDS);
        while (System.nanoTime() < deadline) {
            var frame = frames.poll(1, TimeUnit.SECONDS);
            if (frame != null && frame.contains(marker)) {
                var matcher = pattern.matcher(frame);
                if (matcher.find()) {
                    return matcher.group(1);
                }
                throw new IllegalStateException("the server answered " + frame);
            }
        }
        throw new IllegalStateException("no frame with " + marker + " within " + WAIT_SECONDS + " s");
    }

    /// Samples the server's RSS every 20 ms on its own thread; [#stop] gives the highest seen.
    private static final class RssPeak {
        private final long pid;
        private final AtomicLong peak = new AtomicLong();
        private volatile boolean running = true;
        private Thread sampler;

        RssPeak(long pid) {
            this.pid = pid;
        }

        long start() {
            long now = ProcessProbe.rssKib(pid);
            peak.set(now);
            sampler = Thread.ofPlatform().daemon().name("rss-sampler").start(() -> {
                while (running) {
                    peak.accumulateAndGet(ProcessProbe.rssKib(pid), Math::max);
                    try {
                        Thread.sleep(20);
                    } catch (InterruptedException stop) {
                        return;
                    }
                }
            });
            return now;
        }

        long stop() throws InterruptedException {
            running = false;
            sampler.join(Duration.ofSeconds(2));
            return peak.accumulateAndGet(ProcessProbe.rssKib(pid), Math::max);
        }
    }

    private static final class Frames implements WebSocket.Listener {
        private final LinkedBlockingQueue<String> frames;
        private final StringBuilder partial = new StringBuilder();

        Frames(LinkedBlockingQueue<String> frames) {
            this.frames = frames;
        }

        @Override
        public CompletionStage<?> onText(WebSocket socket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                frames.add(partial.toString());
                partial.setLength(0);
            }
            socket.request(1);
            return CompletableFuture.completedFuture(null);
        }
    }
}
