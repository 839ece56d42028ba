package dev.parley.server;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.BitSet;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.websocket.core.CloseStatus;
import org.eclipse.jetty.websocket.core.CoreSession;
import org.eclipse.jetty.websocket.core.Frame;
import org.eclipse.jetty.websocket.core.FrameHandler;
import org.eclipse.jetty.websocket.core.OpCode;

/// One member of a [Crowd], on Jetty's core WebSocket API: it keeps the room's member list as a
/// set of crowd indices (names `PREFIX-i`), read straight from the `presence` bytes — a full list
/// replaces, `joined` adds, `left` removes — so that thousands of members fit in one test JVM.
final class CrowdMember {

    private static final byte[] TYPE = bytes("{\"type\":\"");
    private static final byte[] MEMBERS = bytes("\"members\":[");
    private static final byte[] CLIENT_ID = bytes("\"clientId\":\"");
    private static final byte[] LEFT = bytes("\"left\":[");

    final int index;
    final String name;
    private final String prefix;
    private final Crowd crowd;
    private final BitSet roster = new BitSet();
    private volatile Link link;
    volatile boolean greeted;
    volatile boolean listed;
    volatile boolean closedSlow;

    CrowdMember(int index, String prefix, Crowd crowd) {
        this.index = index;
        this.prefix = prefix + "-";
        this.name = this.prefix + index;
        this.crowd = crowd;
    }

    private static byte[] bytes(String ascii) {
        return ascii.getBytes(StandardCharsets.US_ASCII);
    }

    /// A handler for one connection; the member outlives its connections.
    Link newLink() {
        greeted = false;
        listed = false;
        link = new Link();
        return link;
    }

    CoreSession session() {
        var current = link;
        return current == null ? null : current.session;
    }

    synchronized boolean sees(BitSet expected) {
        return listed && roster.equals(expected);
    }

    private void text(byte[] b) {
        greeted = true;
        if (indexOf(b, TYPE, 0) != 0 || !startsWith(b, TYPE.length, "presence\"")) {
            return;
        }
        synchronized (this) {
            if (indexOf(b, MEMBERS, 0) >= 0) {
                roster.clear();
                listed = true;
            }
            int at = 0;
            while ((at = indexOf(b, CLIENT_ID, at)) >= 0) {
                at += CLIENT_ID.length;
                int member = memberIndex(b, at);
                if (member >= 0) {
                    roster.set(member);
                }
            }
            int left = indexOf(b, LEFT, 0);
            if (left >= 0) {
                for (at = left + LEFT.length; at < b.length && b[at] != ']'; at++) {
                    if (b[at] == '"') {
                        int member = memberIndex(b, at + 1);
                        if (member >= 0) {
                            roster.clear(member);
                        }
                        at = closingQuote(b, at + 1);
                    }
                }
            }
        }
    }

    /// The crowd index of the name starting at `at` (`PREFIX-i"`), or -1 for any other name.
    private int memberIndex(byte[] b, int at) {
        if (!startsWith(b, at, prefix)) {
            return -1;
        }
        int value = 0;
        int digits = 0;
        for (int i = at + prefix.length(); i < b.length && b[i] != '"'; i++, digits++) {
            if (b[i] < '0' || b[i] > '9') {
                return -1;
            }
            value = value * 10 + (b[i] - '0');
        }
        return digits == 0 ? -1 : value;
    }

    private static int closingQuote(byte[] b, int at) {
        while (at < b.length && b[at] != '"') {
            at += b[at] == '\\' ? 2 : 1;
        }
        return at;
    }

    private static boolean startsWith(byte[] b, int at, String ascii) {
        if (at + ascii.length() > b.length) {
            return false;
        }
        for (int i = 0; i < ascii.length(); i++) {
            if (b[at + i] != ascii.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    private static int indexOf(byte[] b, byte[] needle, int from) {
        outer:
        for (int i = from; i <= b.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (b[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    final class Link implements FrameHandler {
        volatile CoreSession session;
        private ByteBuffer partial;

        @Override
        public void onOpen(CoreSession coreSession, Callback callback) {
            session = coreSession;
            callback.succeeded();
            coreSession.demand();
        }

        @Override
        public void onFrame(Frame frame, Callback callback) {
            switch (frame.getOpCode()) {
                case OpCode.TEXT, OpCode.CONTINUATION -> whole(frame);
                case OpCode.PING -> session.sendFrame(new Frame(OpCode.PONG).setPayload(copy(frame.getPayload())), Callback.NOOP, false);
                default -> { }
            }
            callback.succeeded();
            session.demand();
        }

        /// Puts fragments together (the server fragments frames over its frame size).
        private void whole(Frame frame) {
            var payload = frame.getPayload() == null ? ByteBuffer.allocate(0) : frame.getPayload();
            if (frame.isFin() && partial == null) {
                var b = new byte[payload.remaining()];
                payload.get(b);
                text(b);
                return;
            }
            if (partial == null) {
                partial = ByteBuffer.allocate(Math.max(64 * 1024, payload.remaining()));
            }
            if (partial.remaining() < payload.remaining()) {
                // Doubling: a frame in many fragments is copied a few times, not once per fragment.
                var grown = ByteBuffer.allocate(Math.max(partial.capacity() * 2, partial.position() + payload.remaining()));
                partial = grown.put(partial.flip());
            }
            partial.put(payload);
            if (frame.isFin()) {
                var b = new byte[partial.position()];
                partial.flip().get(b);
                partial = null;
                text(b);
            }
        }

        private static ByteBuffer copy(ByteBuffer payload) {
            var copy = ByteBuffer.allocate(payload == null ? 0 : payload.remaining());
            if (payload != null) {
                copy.put(payload.slice()).flip();
            }
            return copy;
        }

        @Override
        public void onError(Throwable cause, Callback callback) {
            callback.succeeded();
        }

        @Override
        public void onClosed(CloseStatus status, Callback callback) {
            if (status.getCode() == 1008) {
                closedSlow = true;
            }
            crowd.closed(status.getCode(), status.getReason());
            callback.succeeded();
            if (link == this) {
                crowd.lost(CrowdMember.this);
            }
        }
    }
}
