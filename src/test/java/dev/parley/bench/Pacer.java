package dev.parley.bench;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.websocket.core.Frame;
import org.eclipse.jetty.websocket.core.OpCode;

/// Sends `chat` frames from the first S connections, round robin, at a total rate, from one
/// thread. Each text is `b SENDER SEQ NANOS`: who, the sender's own sequence number and the
/// `System.nanoTime()` of the send call (receivers are in the same process).
final class Pacer {

    /// Frames a sender may have queued in its client before the pacer skips it: a server that
    /// stops reading must not make the generator buffer without bound.
    private static final int MAX_IN_FLIGHT = 2_000;

    private final List<Receiver> senders;
    private final Tally tally;
    final long[] sent;
    private final AtomicInteger[] inFlight;
    /// Sends skipped because a sender's queue was full (the server was not reading).
    long skipped;

    Pacer(List<Receiver> connections, int count, Tally tally) {
        this.senders = connections.subList(0, count);
        this.tally = tally;
        this.sent = new long[count];
        this.inFlight = new AtomicInteger[count];
        for (int i = 0; i < count; i++) {
            inFlight[i] = new AtomicInteger();
        }
    }

    /// Sends at `perSecond` for `seconds`; returns how many were sent.
    long run(double perSecond, double seconds) {
        long start = System.nanoTime();
        long end = start + (long) (seconds * 1e9);
        long done = 0;
        int next = 0;
        long now;
        while ((now = System.nanoTime()) < end) {
            long due = (long) ((now - start) * perSecond / 1e9);
            while (done < due) {
                next = (next + 1) % senders.size();
                if (send(next)) {
                    done++;
                } else {
                    skipped++;
                    done++;
                }
            }
            LockSupport.parkNanos(100_000);
        }
        return done;
    }

    private boolean send(int sender) {
        var session = senders.get(sender).session;
        if (session == null || session.isClosed() || inFlight[sender].get() >= MAX_IN_FLIGHT) {
            return false;
        }
        long seq = sent[sender];
        var json = "{\"type\":\"chat\",\"payload\":{\"text\":\"b " + sender + " " + seq + " " + System.nanoTime() + "\"}}";
        var counter = inFlight[sender];
        counter.incrementAndGet();
        sent[sender] = seq + 1;
        session.sendFrame(new Frame(OpCode.TEXT, ByteBuffer.wrap(json.getBytes(StandardCharsets.US_ASCII))),
                Callback.from(counter::decrementAndGet, failure -> {
                    counter.decrementAndGet();
                    tally.sendFailures.increment();
                }), false);
        return true;
    }
}
