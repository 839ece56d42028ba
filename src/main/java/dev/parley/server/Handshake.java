package dev.parley.server;

import jakarta.websocket.Extension;
import jakarta.websocket.HandshakeResponse;
import jakarta.websocket.server.HandshakeRequest;
import jakarta.websocket.server.ServerEndpointConfig;
import java.util.List;
import java.util.Map;

/// Reads the handshake (`clientId`, `room`, `token` or `Authorization: Bearer`) into the
/// session's user properties, turns permessage-deflate off, and makes one [ChatEndpoint] per
/// connection. Origins are checked before the upgrade by [OriginGuard].
final class Handshake extends ServerEndpointConfig.Configurator {

    static final String CLIENT_ID = "parley.clientId";
    static final String ROOM = "parley.room";
    static final String TOKEN = "parley.token";
    /// `/ws?probe=1`: a reachability check (the `/check` page) that is closed at once, unadmitted.
    static final String PROBE = "parley.probe";
    static final String KEY = "parley.key";
    /// Jetty's user property with the peer's `InetSocketAddress`.
    static final String REMOTE_ADDRESS = "jakarta.websocket.endpoint.remoteAddress";

    private final ChatService service;

    Handshake(ChatService service) {
        this.service = service;
    }

    @Override
    public void modifyHandshake(ServerEndpointConfig config, HandshakeRequest request, HandshakeResponse response) {
        var properties = config.getUserProperties();
        var parameters = request.getParameterMap();
        put(properties, CLIENT_ID, first(parameters, "clientId"));
        put(properties, ROOM, first(parameters, "room"));
        put(properties, PROBE, first(parameters, "probe"));
        var token = first(parameters, "token");
        if (token == null) {
            token = bearer(request.getHeaders());
        }
        put(properties, TOKEN, token);
        var key = first(parameters, "key");
        put(properties, KEY, key != null ? key : header(request.getHeaders(), "x-parley-key"));
    }

    private static String header(Map<String, List<String>> headers, String name) {
        for (var entry : headers.entrySet()) {
            if (name.equalsIgnoreCase(entry.getKey()) && !entry.getValue().isEmpty()) {
                return entry.getValue().getFirst().strip();
            }
        }
        return null;
    }

    private static void put(Map<String, Object> properties, String key, String value) {
        if (value != null) {
            properties.put(key, value);
        }
    }

    private static String first(Map<String, List<String>> values, String name) {
        var list = values.get(name);
        return list == null || list.isEmpty() ? null : list.getFirst();
    }

    private static String bearer(Map<String, List<String>> headers) {
        for (var entry : headers.entrySet()) {
            if ("authorization".equalsIgnoreCase(entry.getKey()) && !entry.getValue().isEmpty()) {
                var value = entry.getValue().getFirst().strip();
                if (value.regionMatches(true, 0, "Bearer ", 0, 7)) {
                    return value.substring(7).strip();
                }
            }
        }
        return null;
    }

    @Override
    public List<Extension> getNegotiatedExtensions(List<Extension> installed, List<Extension> requested) {
        // A compressed frame can inflate past every size limit: no permessage-deflate.
        return List.of();
    }

    @Override
    public <T> T getEndpointInstance(Class<T> endpointClass) {
        return endpointClass.cast(new ChatEndpoint(service));
    }
}
