package dev.parley.server.files;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import dev.parley.server.ParleyServer;
import dev.parley.server.ServerConfig;
import dev.parley.server.WsClient;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/// Test helpers for shared files: a real server, a member's upload token, raw HTTP.
final class Sharing {

    static final HttpClient HTTP = HttpClient.newHttpClient();

    private Sharing() {}

    static ParleyServer start(ServerConfig config, FileLimits limits) {
        try {
            return ParleyServer.start(config.withFileLimits(limits));
        } catch (IOException failure) {
            throw new UncheckedIOException(failure);
        }
    }

    static ParleyServer start() {
        return start(ServerConfig.forTests().withLimits(dev.parley.protocol.Limits.DEFAULTS.withRate(0, 0)), FileLimits.DEFAULTS);
    }

    /// A member connected to `room`, its history read; its welcome's upload token in [#token].
    record Member(WsClient ws, String token) implements AutoCloseable {
        @Override
        public void close() {
            ws.close();
        }

        JsonObject share(String sha, String name, String cid) {
            ws.send("{\"type\":\"chat\",\"payload\":{\"text\":\"\",\"cid\":\"" + cid + "\",\"file\":{\"sha256\":\""
                    + sha + "\",\"name\":\"" + name + "\"}}}");
            return ws.payload("chat");
        }
    }

    static Member join(ParleyServer server, String name) {
        var ws = WsClient.connect(server.localUri(), "clientId=" + name, Map.of(), true);
        var welcome = ws.payload("welcome");
        var token = welcome.getAsJsonObject("files").get("token").getAsString();
        ws.next("history");
        return new Member(ws, token);
    }

    static URI http(ParleyServer server, String path) {
        return URI.create("http://127.0.0.1:" + server.port() + path);
    }

    static HttpResponse<String> put(ParleyServer server, String sha, String token, byte[] body) {
        return send(HttpRequest.newBuilder(http(server, "/files/" + sha)).header("Authorization", "Bearer " + token)
                .PUT(HttpRequest.BodyPublishers.ofByteArray(body)).build());
    }

    static HttpResponse<String> send(HttpRequest request) {
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException failure) {
            throw new UncheckedIOException(failure);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(interrupted);
        }
    }

    static HttpResponse<byte[]> get(ParleyServer server, String path, String... headers) {
        var builder = HttpRequest.newBuilder(http(server, path)).GET();
        if (headers.length > 0) {
            builder.headers(headers);
        }
        try {
            return HTTP.send(builder.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException failure) {
            throw new UncheckedIOException(failure);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(interrupted);
        }
    }

    static String status(ParleyServer server, String sha, String token) {
        var response = send(HttpRequest.newBuilder(http(server, "/files/" + sha + "/status"))
                .header("Authorization", "Bearer " + token).GET().build());
        assertThat(response.statusCode()).isEqualTo(200);
        return response.body();
    }

    /// Sends the headers of a `PUT` of `total` bytes and only the first `sent`, then closes the
    /// connection: an upload cut short (the server reads an early end of the body).
    static void cutUpload(ParleyServer server, String sha, String token, byte[] content, int sent) {
        try (var socket = new Socket("127.0.0.1", server.port())) {
            OutputStream out = socket.getOutputStream();
            out.write(("PUT /files/" + sha + " HTTP/1.1\r\nHost: 127.0.0.1:" + server.port() + "\r\nAuthorization: Bearer "
                    + token + "\r\nContent-Length: " + content.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(content, 0, sent);
            out.flush();
        } catch (IOException failure) {
            throw new UncheckedIOException(failure);
        }
    }

    static byte[] random(int size) {
        var bytes = new byte[size];
        ThreadLocalRandom.current().nextBytes(bytes);
        return bytes;
    }

    static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (java.security.NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }
}
