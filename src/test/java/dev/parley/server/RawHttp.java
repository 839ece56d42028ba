package dev.parley.server;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/// One HTTP/1.1 exchange written by hand, so that a test chooses every header (`Host` too,
/// which `java.net.http` does not let a caller set).
record RawHttp(int status, Map<String, String> headers, String body) {

    /// Sends `GET path` with `headers` (raw lines) and `Connection: close`; reads to the end.
    static RawHttp get(int port, String path, String... headers) throws IOException {
        try (var socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
            socket.setSoTimeout(10_000);
            var request = new StringBuilder("GET ").append(path).append(" HTTP/1.1\r\n");
            boolean upgrade = false;
            for (var header : headers) {
                request.append(header).append("\r\n");
                upgrade |= header.regionMatches(true, 0, "Upgrade:", 0, 8);
            }
            request.append(upgrade ? "Connection: Upgrade\r\n\r\n" : "Connection: close\r\n\r\n");
            socket.getOutputStream().write(request.toString().getBytes(StandardCharsets.ISO_8859_1));
            var in = socket.getInputStream();
            var head = new ByteArrayOutputStream();
            while (!head.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
                int b = in.read();
                if (b < 0) {
                    break;
                }
                head.write(b);
            }
            var answer = parse(head.toString(StandardCharsets.ISO_8859_1));
            // A 101 keeps the connection open: its head is the whole answer.
            var body = answer.status() == 101 ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return new RawHttp(answer.status(), answer.headers(), body);
        }
    }

    /// The headers of a WebSocket upgrade request with `Host` and `Origin` as given.
    static String[] upgrade(String host, String origin) {
        return origin == null
                ? new String[] {"Host: " + host, "Upgrade: websocket", "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==", "Sec-WebSocket-Version: 13"}
                : new String[] {"Host: " + host, "Origin: " + origin, "Upgrade: websocket",
                        "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==", "Sec-WebSocket-Version: 13"};
    }

    private static RawHttp parse(String response) {
        int end = response.indexOf("\r\n\r\n");
        var head = end < 0 ? response : response.substring(0, end);
        // the body is read by the caller
        var lines = head.split("\r\n");
        var headers = new LinkedHashMap<String, String>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            if (colon > 0) {
                headers.put(lines[i].substring(0, colon).strip().toLowerCase(), lines[i].substring(colon + 1).strip());
            }
        }
        int status = lines[0].startsWith("HTTP/") ? Integer.parseInt(lines[0].split(" ")[1]) : -1;
        return new RawHttp(status, headers, "");
    }
}
