package dev.parley.server;

import dev.parley.protocol.Message;
import jakarta.websocket.CloseReason;
import jakarta.websocket.Endpoint;
import jakarta.websocket.EndpointConfig;
import jakarta.websocket.MessageHandler;
import jakarta.websocket.PongMessage;
import jakarta.websocket.Session;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import org.eclipse.jetty.ee10.websocket.jakarta.common.JakartaWebSocketSession;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.websocket.core.CoreSession;
import org.eclipse.jetty.websocket.core.Frame;
import org.eclipse.jetty.websocket.core.OpCode;

/// The `/ws` endpoint (public only because Jakarta deployment demands it), one instance per connection: admission on open, then every text frame
/// to [ChatService]; binary frames are refused with `bad_message`.
public final class ChatEndpoint extends Endpoint {

    /// Bytes a connection reads at a time, and the first size of each text message's buffer:
    /// Jetty's message sink starts every message in a new buffer of this size, so its default
    /// made garbage of many times a chat message's own size for every one received.
    /// Longer messages grow their buffer as needed.
    static final int READ_BUFFER_BYTES = 1024;

    /// The close code a `?probe=1` handshake gets: 1000, a normal close.
    static final int PROBE_ANSWERED = 1000;

    private final ChatService service;
    private Connection connection;
    private String address;

    ChatEndpoint(ChatService service) {
        this.service = service;
    }

    @Override
    public void onOpen(Session session, EndpointConfig config) {
        var core = ((JakartaWebSocketSession) session).getCoreSession();
        core.setInputBufferSize(READ_BUFFER_BYTES);
        var properties = session.getUserProperties();
        if (properties.containsKey(Handshake.PROBE)) {
            // The upgrade got through, which is all a probe asks: no admission, no member, no presence.
            core.close(PROBE_ANSWERED, "probe ok", Callback.NOOP);
            return;
        }
        var remote = properties.get(Handshake.REMOTE_ADDRESS) instanceof InetSocketAddress socket ? socket : null;
        address = remote == null ? "unknown" : remote.getAddress().getHostAddress();
        boolean loopback = remote != null && remote.getAddress().isLoopbackAddress();
        var request = new Admission.Request((String) properties.get(Handshake.CLIENT_ID),
                (String) properties.get(Handshake.ROOM), (String) properties.get(Handshake.TOKEN), address,
                (String) properties.get(Handshake.KEY));
        switch (service.admit(request, core, loopback)) {
            case ChatService.Opened(var opened, var room) -> {
                connection = opened;
                session.addMessageHandler(String.class, (MessageHandler.Whole<String>) text -> service.onText(connection, text));
                session.addMessageHandler(ByteBuffer.class, (MessageHandler.Whole<ByteBuffer>) ignored ->
                        service.onBinary(connection));
                session.addMessageHandler(PongMessage.class, (MessageHandler.Whole<PongMessage>) pong -> connection.heard());
                service.start(connection, room);
            }
            case ChatService.Rejected(var refused) -> refuse(core, refused);
        }
    }

    /// The refused connection is upgraded so a browser can show why: one `error`, then close.
    private void refuse(CoreSession core, Admission.Refused refused) {
        service.refusedConnection(refused, address);
        var frame = Outgoing.of(new Message.Error(refused.code(), refused.message(), null));
        core.sendFrame(new Frame(OpCode.TEXT, frame.payload()),
                Callback.from(() -> core.close(refused.closeCode(), refused.code().wire(), Callback.NOOP),
                        failure -> core.abort()), false);
    }

    @Override
    public void onClose(Session session, CloseReason reason) {
        if (connection != null) {
            service.closed(connection);
        }
    }

    @Override
    public void onError(Session session, Throwable failure) {
        if (connection != null) {
            service.closed(connection);
        }
    }
}
