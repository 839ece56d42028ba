package dev.parley.client;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/// The handshake address: the server's `/ws` URI with `clientId`, `room` and `token` in the
/// query (design.md), each percent-encoded. Absent values are left out.
final class HandshakeUri {

    private HandshakeUri() {}

    static URI of(URI server, String clientId, String room, String password) {
        var query = new StringBuilder();
        append(query, "clientId", clientId);
        append(query, "room", room);
        append(query, "token", password == null || password.isEmpty() ? null : password);
        if (query.isEmpty()) {
            return server;
        }
        var base = server.toString();
        return URI.create(base + (base.contains("?") ? "&" : "?") + query);
    }

    private static void append(StringBuilder query, String key, String value) {
        if (value != null) {
            // URLEncoder writes spaces as '+'; %20 reads the same in every server's query parser.
            var encoded = URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
            query.append(query.isEmpty() ? "" : "&").append(key).append('=').append(encoded);
        }
    }
}
