package dev.parley.bench;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.websocket.core.CloseStatus;
import org.eclipse.jetty.websocket.core.CoreSession;
import org.eclipse.jetty.websocket.core.Frame;
import org.eclipse.jetty.websocket.core.FrameHandler;
import org.eclipse.jetty.websocket.core.OpCode;

/// One connection of the generator, on Jetty's core WebSocket API (frames as bytes, no
/// String decoding, no Jakarta layer: the cheapest way to read 200k frames a second).
///
/// It reads the seed's `{"type":"chat","payload":{…"text":"b SENDER SEQ NANOS"…}}` straight
/// from the payload bytes; any other type (welcome, system, presence, history) is ignored,
/// `error` is counted. Per sender it keeps the highest `seq` seen: equal is a duplicate,
/// lower is out of order. Jetty calls `onFrame` of one connection one frame at a time.
final class Receiver implements FrameHandler {

    static final byte[] TYPE = "\"type\":\"".getBytes(StandardCharsets.US_ASCII);
    static final byte[] TEXT = "\"text\":\"b ".getBytes(StandardCharsets.US_ASCII);

    private final Tally tally;
    private final int[] lastSeq;
    /// Messages of each sender seen at least once: loss = sent − unique.
    final long[] unique;
    volatile CoreSession session;
    volatile boolean closing;

    Receiver(Tally tally, int senders) {
        this.tally = tally;
        this.lastSeq = new int[senders];
        this.unique = new long[senders];
        Arrays.fill(lastSeq, -1);
    }

    @Override
    public void onOpen(CoreSession coreSession, Callback callback) {
        session = coreSession;
        callback.succeeded();
        coreSession.demand();
    }

    @Override
    public void onFrame(Frame frame, Callback callback) {
        long now = System.nanoTime();
        tally.frames.increment();
        tally.lastFrameNanos = now;
        switch (frame.getOpCode()) {
            case OpCode.TEXT -> {
                if (frame.isFin()) {
                    onText(frame.getPayload(), now);
                } else {
                    tally.otherFrames.increment();
                }
            }
            case OpCode.PING -> session.sendFrame(new Frame(OpCode.PONG).setPayload(copy(frame.getPayload())), Callback.NOOP, false);
            default -> { }
        }
        callback.succeeded();
        session.demand();
    }

    private static ByteBuffer copy(ByteBuffer payload) {
        var copy = ByteBuffer.allocate(payload == null ? 0 : payload.remaining());
        if (payload != null) {
            copy.put(payload.slice()).flip();
        }
        return copy;
    }

    private void onText(ByteBuffer p, long now) {
        int at = indexOf(p, TYPE, p.position());
        if (at < 0) {
            tally.otherFrames.increment();
            return;
        }
        at += TYPE.length;
        if (startsWith(p, at, "chat\"")) {
            int text = indexOf(p, TEXT, at);
            if (text >= 0) {
                chat(p, text + TEXT.length, now);
                return;
            }
        } else if (startsWith(p, at, "error\"")) {
            tally.errorFrames.increment();
            return;
        }
        tally.otherFrames.increment();
    }

    /// `SENDER SEQ NANOS"`: three decimal numbers.
    private void chat(ByteBuffer p, int at, long now) {
        long[] numbers = new long[3];
        int limit = p.limit();
        for (int n = 0; n < 3; n++) {
            long value = 0;
            while (at < limit) {
                byte b = p.get(at++);
                if (b < '0' || b > '9') {
                    break;
                }
                value = value * 10 + (b - '0');
            }
            numbers[n] = value;
        }
        int sender = (int) numbers[0];
        int seq = (int) numbers[1];
        if (sender >= lastSeq.length) {
            tally.otherFrames.increment();
            return;
        }
        tally.record(numbers[2], now);
        int last = lastSeq[sender];
        if (seq > last) {
            lastSeq[sender] = seq;
            unique[sender]++;
        } else if (seq == last) {
            tally.duplicates.increment();
        } else {
            tally.outOfOrder.increment();
            unique[sender]++;
        }
    }

    private static boolean startsWith(ByteBuffer p, int at, String ascii) {
        if (at + ascii.length() > p.limit()) {
            return false;
        }
        for (int i = 0; i < ascii.length(); i++) {
            if (p.get(at + i) != ascii.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    static int indexOf(ByteBuffer p, byte[] needle, int from) {
        int end = p.limit() - needle.length;
        outer:
        for (int i = from; i <= end; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (p.get(i + j) != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    @Override
    public void onError(Throwable cause, Callback callback) {
        callback.succeeded();
    }

    @Override
    public void onClosed(CloseStatus closeStatus, Callback callback) {
        if (!closing) {
            tally.closedEarly.increment();
        }
        callback.succeeded();
    }
}
