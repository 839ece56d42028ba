package dev.parley.server;

import dev.parley.protocol.Message;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.websocket.core.CloseStatus;
import org.eclipse.jetty.websocket.core.CoreSession;
import org.eclipse.jetty.websocket.core.Frame;
import org.eclipse.jetty.websocket.core.FrameHandler;
import org.eclipse.jetty.websocket.core.OpCode;
import org.eclipse.jetty.websocket.core.exception.BadPayloadException;
import org.eclipse.jetty.websocket.core.exception.MessageTooLargeException;

/// One `/ws` connection on Jetty's core WebSocket API: admission on open, then every text
/// message (fragments put together, at most `maxFrameBytes` in all, else 1009) to
/// [ChatService]; binary messages are refused with `bad_message`. Jetty calls `onFrame` one
/// frame at a time, so the fields need no locking. While idle it holds only [#connection].
final class ChatSocket implements FrameHandler {

    private final ChatService service;
    private Admission.Request asked;
    private final boolean loopback;
    private Connection connection;
    private CoreSession core;
    /// The message being put together from fragments (null between messages).
    private byte[] parts;
    private int partsLength;
    /// TEXT or BINARY while a fragmented message goes on.
    private byte partsOpCode;

    ChatSocket(ChatService service, Admission.Request asked, boolean loopback) {
        this.service = service;
        this.asked = asked;
        this.loopback = loopback;
    }

    @Override
    public void onOpen(CoreSession session, Callback callback) {
        core = session;
        var request = asked;
        asked = null;
        switch (service.admit(request, session, loopback)) {
            case ChatService.Opened(var opened, var room) -> {
                connection = opened;
                service.start(opened, room);
            }
            case ChatService.Rejected(var refused) -> refuse(session, refused, request.address());
        }
        callback.succeeded();
        // Also when refused: the peer's close frame has to be read for the close to complete.
        session.demand();
    }

    /// The refused connection is upgraded so a browser can show why: one `error`, then close.
    private void refuse(CoreSession session, Admission.Refused refused, String address) {
        service.refusedConnection(refused, address);
        var frame = Outgoing.of(new Message.Error(refused.code(), refused.message(), null));
        session.sendFrame(new Frame(OpCode.TEXT, frame.payload()),
                Callback.from(() -> session.close(refused.closeCode(), refused.code().wire(), Callback.NOOP),
                        failure -> session.abort()), false);
    }

    @Override
    public void onFrame(Frame frame, Callback callback) {
        try {
            if (connection != null) {
                connection.heard();
                switch (frame.getOpCode()) {
                    case OpCode.TEXT, OpCode.BINARY -> start(frame);
                    case OpCode.CONTINUATION -> carryOn(frame);
                    case OpCode.PING -> pong(frame.getPayload());
                    default -> { } // a pong counted as heard; Jetty answers a close itself
                }
            } else if (frame.getOpCode() == OpCode.PING) {
                pong(frame.getPayload());
            }
        } catch (RuntimeException failure) {
            parts = null;
            callback.failed(failure);
            return;
        }
        callback.succeeded();
        core.demand();
    }

    /// Jetty's core API leaves pongs to the application; the payload is only ours until the
    /// callback, so the pong carries a copy.
    private void pong(ByteBuffer payload) {
        var copy = ByteBuffer.allocate(payload == null ? 0 : payload.remaining());
        if (payload != null) {
            copy.put(payload.slice()).flip();
        }
        core.sendFrame(new Frame(OpCode.PONG, copy), Callback.NOOP, false);
    }

    private void start(Frame frame) {
        if (frame.isFin()) {
            deliver(frame.getOpCode(), frame.getPayload());
            return;
        }
        partsOpCode = frame.getOpCode();
        long max = service.hub.limits.maxFrameBytes();
        parts = new byte[(int) Math.min(max, Math.max(256, frame.getPayloadLength() * 2L))];
        partsLength = 0;
        carryOn(frame);
    }

    private void carryOn(Frame frame) {
        var payload = frame.getPayload();
        int length = payload == null ? 0 : payload.remaining();
        long max = service.hub.limits.maxFrameBytes();
        if ((long) partsLength + length > max) {
            throw new MessageTooLargeException("message over " + max + " bytes");
        }
        if (partsLength + length > parts.length) {
            parts = Arrays.copyOf(parts, (int) Math.min(max, Math.max(parts.length * 2L, partsLength + length)));
        }
        if (length > 0) {
            payload.slice().get(parts, partsLength, length);
            partsLength += length;
        }
        if (frame.isFin()) {
            var whole = ByteBuffer.wrap(parts, 0, partsLength);
            parts = null;
            deliver(partsOpCode, whole);
        }
    }

    private void deliver(byte opCode, ByteBuffer payload) {
        if (opCode == OpCode.BINARY) {
            service.onBinary(connection);
            return;
        }
        String text;
        try {
            text = payload == null ? "" : StandardCharsets.UTF_8.newDecoder().decode(payload.slice()).toString();
        } catch (CharacterCodingException invalid) {
            throw new BadPayloadException("invalid UTF-8 in a text message");
        }
        service.onText(connection, text);
    }

    @Override
    public void onError(Throwable cause, Callback callback) {
        closed();
        callback.succeeded();
    }

    @Override
    public void onClosed(CloseStatus closeStatus, Callback callback) {
        closed();
        callback.succeeded();
    }

    private void closed() {
        parts = null;
        if (connection != null) {
            service.closed(connection);
        }
    }
}
