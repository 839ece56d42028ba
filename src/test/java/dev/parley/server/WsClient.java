package dev.parley.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/// A plain test client on the JDK's WebSocket: every text frame goes into a queue, read with a
/// timeout; the close code is kept. Knows nothing of Parley beyond JSON.
public final class WsClient implements WebSocket.Listener, AutoCloseable {

    /// How long to wait for a frame or a close. Generous: CI shares two cores among many JVMs,
    /// and the first connection of a JVM also pays for class loading.
    static final int WAIT_SECONDS = 15;

    static final HttpClient HTTP = HttpClient.newHttpClient();

    final BlockingQueue<JsonObject> frames = new LinkedBlockingQueue<>();
    final CompletableFuture<Integer> closed = new CompletableFuture<>();
    private final boolean reading;
    private final StringBuilder partial = new StringBuilder();
    private WebSocket socket;
    private volatile Throwable error;

    private WsClient(boolean reading) {
        this.reading = reading;
    }

    static WsClient connect(ParleyServer server, String query) {
        return connect(server, query, Map.of(), true);
    }

    /// `query` like `clientId=alice&room=x` (values are URL-encoded here).
    static WsClient connect(ParleyServer server, String query, Map<String, String> headers, boolean reading) {
        return connect(server.localUri(), query, headers, reading);
    }

    /// For tests of other packages (the headless process) that only know the address.
    public static WsClient connect(URI endpoint, String query, Map<String, String> headers, boolean reading) {
        var client = new WsClient(reading);
        var builder = HTTP.newWebSocketBuilder().connectTimeout(Duration.ofSeconds(WAIT_SECONDS));
        headers.forEach(builder::header);
        var uri = URI.create(endpoint + (query.isEmpty() ? "" : "?" + encode(query)));
        client.socket = builder.buildAsync(uri, client).join();
        return client;
    }

    private static String encode(String query) {
        var out = new StringBuilder();
        for (var pair : query.split("&")) {
            var eq = pair.indexOf('=');
            out.append(out.isEmpty() ? "" : "&").append(pair, 0, eq + 1)
                    .append(URLEncoder.encode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return out.toString();
    }

    @Override
    public void onOpen(WebSocket webSocket) {
        if (reading) {
            webSocket.request(1);
        }
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
        partial.append(data);
        if (last) {
            frames.add(JsonParser.parseString(partial.toString()).getAsJsonObject());
            partial.setLength(0);
        }
        webSocket.request(1);
        return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
        closed.complete(statusCode);
        return null;
    }

    @Override
    public void onError(WebSocket webSocket, Throwable error) {
        this.error = error;
        closed.complete(-1);
    }

    public WsClient send(String json) {
        try {
            socket.sendText(json, true).join();
        } catch (CompletionException failed) {
            if (error != null) {
                throw new AssertionError("cannot send: the connection had failed", error);
            }
            throw failed;
        }
        return this;
    }

    public WsClient chat(String text) {
        var payload = new JsonObject();
        payload.addProperty("text", text);
        return send("{\"type\":\"chat\",\"payload\":" + payload + "}");
    }

    void sendBinary(byte[] bytes) {
        socket.sendBinary(ByteBuffer.wrap(bytes), true).join();
    }

    /// The next frame, whatever its type.
    JsonObject next() {
        try {
            var frame = frames.poll(WAIT_SECONDS, TimeUnit.SECONDS);
            if (frame == null) {
                fail("no frame within " + WAIT_SECONDS + " s"
                        + (error != null ? "; the connection had failed: " + error : "")
                        + (closed.isDone() && error == null ? "; the connection was closed: " + closed.join() : ""));
            }
            return frame;
        } catch (InterruptedException interrupted) {
            throw new IllegalStateException(interrupted);
        }
    }

    /// The next frame of `type`, skipping others (presence updates come whenever they like).
    public JsonObject next(String type) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_SECONDS);
        while (System.nanoTime() < deadline) {
            var frame = next();
            if (frame.get("type").getAsString().equals(type)) {
                return frame;
            }
        }
        return fail("no '" + type + "' within " + WAIT_SECONDS + " s");
    }

    public JsonObject payload(String type) {
        return next(type).getAsJsonObject("payload");
    }

    /// True when no frame of `type` arrives within `millis`.
    boolean quietFor(String type, long millis) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
        long left;
        while ((left = deadline - System.nanoTime()) > 0) {
            var frame = frames.poll(left, TimeUnit.NANOSECONDS);
            if (frame != null && frame.get("type").getAsString().equals(type)) {
                return false;
            }
        }
        return true;
    }

    /// Reads the handshake's frames up to the first `history`.
    WsClient joined() {
        next("history");
        return this;
    }

    /// The code the connection was closed with; fails, with the cause, when it failed instead.
    public int closeCode() {
        int code;
        try {
            code = closed.get(WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (Exception none) {
            return fail("not closed within " + WAIT_SECONDS + " s");
        }
        if (code == -1) {
            return fail("the connection failed instead of closing", error);
        }
        return code;
    }

    void assertOpen() {
        assertThat(closed).isNotDone();
    }

    /// Drops the TCP connection without a close frame, as a crashed client would.
    void abort() {
        socket.abort();
    }

    @Override
    public void close() {
        try {
            if (!socket.isOutputClosed()) {
                socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye").get(2, TimeUnit.SECONDS);
            }
            closed.get(2, TimeUnit.SECONDS);
        } catch (Exception alreadyGone) {
            // The server closed first, or the test cut it: abort below either way.
        }
        socket.abort();
    }
}
