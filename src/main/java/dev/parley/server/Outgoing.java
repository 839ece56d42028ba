package dev.parley.server;

import dev.parley.protocol.Codec;
import dev.parley.protocol.Message;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/// One server → client frame, encoded to JSON and UTF-8 once and shared by every recipient:
/// each send takes a [#payload] slice, so a broadcast costs no encoding per member.
final class Outgoing {

    private final ByteBuffer utf8;

    private Outgoing(byte[] bytes) {
        this.utf8 = ByteBuffer.wrap(bytes);
    }

    static Outgoing of(Message message) {
        return ofJson(Codec.encode(message));
    }

    /// A frame the protocol has encoded already (e.g. by `ChatFrames`).
    static Outgoing ofJson(String json) {
        return new Outgoing(json.getBytes(StandardCharsets.UTF_8));
    }

    /// A private view of the bytes: Jetty's writer moves the position of the buffer it sends.
    ByteBuffer payload() {
        return utf8.slice();
    }

    int size() {
        return utf8.remaining();
    }
}
