package dev.parley.bench;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.websocket.core.Frame;
import org.eclipse.jetty.websocket.core.OpCode;

/// Sends `chat` frames from S senders, round robin, at a total rate, from one thread. Each
/// text is `b SENDER SEQ NANOS`: who, the sender's own sequence number and the
/// `System.nanoTime()` of the send call (receivers are in the same process).
final class Pacer {

    /// Where the frames go: sender `sender` sends the seed's chat frame `json`, or returns false
    /// (skipped) when it cannot take more now.
    interface Outlet {
        boolean send(int sender, String json);
    }

    /// Frames a sender may have queued in its client before the pacer skips it: a server that
    /// stops reading must not make the generator buffer without bound.
    static final int MAX_IN_FLIGHT = 2_000;

    private final Outlet outlet;
    private final int count;
    final long[] sent;
    /// Sends skipped because a sender's queue was full (the server was not reading).
    long skipped;

    Pacer(Outlet outlet, int count) {
        this.outlet = outlet;
        this.count = count;
        this.sent = new long[count];
    }

    /// The first `count` of the generator's connections send, through Jetty's core client.
    static Pacer overSessions(List<Receiver> connections, int count, Tally tally) {
        var senders = connections.subList(0, count);
        var inFlight = new AtomicInteger[count];
        for (int i = 0; i < count; i++) {
            inFlight[i] = new AtomicInteger();
        }
        return new Pacer((sender, json) -> {
            var session = senders.get(sender).session;
            var counter = inFlight[sender];
            if (session == null || session.isClosed() || counter.get() >= MAX_IN_FLIGHT) {
                return false;
            }
            counter.incrementAndGet();
            session.sendFrame(new Frame(OpCode.TEXT, ByteBuffer.wrap(json.getBytes(StandardCharsets.US_ASCII))),
                    Callback.from(counter::decrementAndGet, failure -> {
                        counter.decrementAndGet();
                        tally.sendFailures.increment();
                    }), false);
            return true;
        }, count);
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
                next = (next + 1) % count;
                if (!send(next)) {
                    skipped++;
                }
                done++;
            }
            // Until the next send is due (at least 0.1 ms, at most until the end): at a flood's
            // 2,000/s a wake-up every 0.5 ms instead of every 0.1 ms, at 100/s one every 10 ms.
            long nextDue = start + (long) Math.ceil((done + 1) * 1e9 / perSecond);
            LockSupport.parkNanos(Math.max(100_000, Math.min(nextDue, end) - System.nanoTime()));
        }
        return done;
    }

    private boolean send(int sender) {
        long seq = sent[sender];
        var json = "{\"type\":\"chat\",\"payload\":{\"text\":\"b " + sender + " " + seq + " " + System.nanoTime() + "\"}}";
        if (!outlet.send(sender, json)) {
            return false;
        }
        sent[sender] = seq + 1;
        return true;
    }
}
