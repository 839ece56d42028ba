package dev.parley.bench;

import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/// What every receiver reports, shared: deliveries, latency, loss and errors. Receivers write
/// from Jetty's threads; the generator reads between steps.
final class Tally {

    final LongAdder deliveries = new LongAdder();
    final LongAdder duplicates = new LongAdder();
    final LongAdder outOfOrder = new LongAdder();
    final LongAdder errorFrames = new LongAdder();
    final LongAdder otherFrames = new LongAdder();
    final LongAdder closedEarly = new LongAdder();
    final LongAdder sendFailures = new LongAdder();
    final LongAdder connectFailures = new LongAdder();
    /// Any frame at all: the generator waits for the server to go quiet after the joins.
    final LongAdder frames = new LongAdder();
    /// Latency in microseconds from the send call to the receiver's `onFrame`.
    private final Recorder latency = new Recorder(3);
    volatile long lastFrameNanos = System.nanoTime();

    void record(long sentNanos, long nowNanos) {
        deliveries.increment();
        latency.recordValue(Math.max(0, (nowNanos - sentNanos) / 1_000));
    }

    /// The latencies recorded since the previous call.
    Histogram takeLatency() {
        return latency.getIntervalHistogram();
    }

    long errors() {
        return errorFrames.sum() + closedEarly.sum() + sendFailures.sum() + connectFailures.sum();
    }

    String errorBreakdown() {
        return "error frames " + errorFrames.sum() + ", closed by server " + closedEarly.sum() + ", send failures "
                + sendFailures.sum() + ", connect failures " + connectFailures.sum();
    }
}
