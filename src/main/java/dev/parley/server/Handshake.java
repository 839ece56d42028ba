package dev.parley.server;

import java.net.InetSocketAddress;
import java.util.List;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.websocket.core.FrameHandler;
import org.eclipse.jetty.websocket.core.server.ServerUpgradeRequest;
import org.eclipse.jetty.websocket.core.server.ServerUpgradeResponse;
import org.eclipse.jetty.websocket.core.server.WebSocketNegotiator;

/// Accepts the `/ws` upgrade on Jetty's core WebSocket API: reads `clientId`, `room`, `token`
/// (or `Authorization: Bearer`) and the peer's address, turns permessage-deflate off, and makes
/// one [ChatSocket] per connection. Nothing of the HTTP request is kept after this. Origins are
/// checked before the upgrade by [OriginGuard].
final class Handshake implements WebSocketNegotiator {

    private final ChatService service;

    Handshake(ChatService service) {
        this.service = service;
    }

    @Override
    public FrameHandler negotiate(ServerUpgradeRequest request, ServerUpgradeResponse response, Callback callback) {
        // A compressed frame can inflate past every size limit: no permessage-deflate.
        response.setExtensions(List.of());
        var parameters = Request.extractQueryParameters(request);
        var token = parameters.getValue("token");
        if (token == null) {
            token = bearer(request.getHeaders().get(HttpHeader.AUTHORIZATION));
        }
        var remote = request.getConnectionMetaData().getRemoteSocketAddress() instanceof InetSocketAddress socket
                && socket.getAddress() != null ? socket.getAddress() : null;
        var address = remote == null ? "unknown" : remote.getHostAddress();
        var asked = new Admission.Request(parameters.getValue("clientId"), parameters.getValue("room"), token, address);
        return new ChatSocket(service, asked, remote != null && remote.isLoopbackAddress());
    }

    private static String bearer(String authorization) {
        if (authorization == null) {
            return null;
        }
        var value = authorization.strip();
        return value.regionMatches(true, 0, "Bearer ", 0, 7) ? value.substring(7).strip() : null;
    }
}
