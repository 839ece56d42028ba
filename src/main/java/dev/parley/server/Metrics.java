package dev.parley.server;

import dev.parley.protocol.ErrorCode;
import java.util.concurrent.atomic.LongAdder;

/// Counters for `/metrics` and [ServerStats]. `LongAdder`s, so the broadcast path never
/// contends on them.
final class Metrics {

    /// Upper bounds (seconds) of the broadcast latency histogram: store → every member queued.
    static final double[] LATENCY_BUCKETS = {0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5};

    final LongAdder messagesIn = new LongAdder();
    final LongAdder messagesOut = new LongAdder();
    final LongAdder sendFailures = new LongAdder();
    final LongAdder originRefusals = new LongAdder();
    private final LongAdder[] refusals = adders(ErrorCode.values().length);
    private final LongAdder[] latencyBuckets = adders(LATENCY_BUCKETS.length + 1);
    private final LongAdder latencyCount = new LongAdder();
    private final LongAdder latencyNanos = new LongAdder();

    private static LongAdder[] adders(int count) {
        var result = new LongAdder[count];
        for (int i = 0; i < count; i++) {
            result[i] = new LongAdder();
        }
        return result;
    }

    void received() {
        messagesIn.increment();
    }

    void sent() {
        messagesOut.increment();
    }

    void sendFailed() {
        sendFailures.increment();
    }

    void refused(ErrorCode code) {
        refusals[code.ordinal()].increment();
    }

    long refusals(ErrorCode code) {
        return refusals[code.ordinal()].sum();
    }

    void broadcastTook(long nanos) {
        latencyCount.increment();
        latencyNanos.add(nanos);
        double seconds = nanos / 1e9;
        int bucket = 0;
        while (bucket < LATENCY_BUCKETS.length && seconds > LATENCY_BUCKETS[bucket]) {
            bucket++;
        }
        latencyBuckets[bucket].increment();
    }

    /// The Prometheus text exposition of every counter.
    String prometheus(int connections, int rooms) {
        var out = new StringBuilder(2048);
        gauge(out, "parley_connections", "Open WebSocket connections.", connections);
        gauge(out, "parley_rooms", "Rooms with at least one member.", rooms);
        counter(out, "parley_messages_in_total", "Frames received from clients.", messagesIn.sum());
        counter(out, "parley_messages_out_total", "Frames delivered to clients.", messagesOut.sum());
        counter(out, "parley_send_failures_total", "Frames that could not be delivered.", sendFailures.sum());
        counter(out, "parley_origin_refusals_total", "Handshakes refused (403) for their Origin.", originRefusals.sum());
        out.append("# HELP parley_refusals_total Refused messages and connections, by error code.\n")
                .append("# TYPE parley_refusals_total counter\n");
        for (var code : ErrorCode.values()) {
            out.append("parley_refusals_total{code=\"").append(code.wire()).append("\"} ")
                    .append(refusals(code)).append('\n');
        }
        out.append("# HELP parley_broadcast_seconds From a chat being stored to its copies being queued for every member.\n")
                .append("# TYPE parley_broadcast_seconds histogram\n");
        long cumulative = 0;
        for (int i = 0; i <= LATENCY_BUCKETS.length; i++) {
            cumulative += latencyBuckets[i].sum();
            var le = i < LATENCY_BUCKETS.length ? Double.toString(LATENCY_BUCKETS[i]) : "+Inf";
            out.append("parley_broadcast_seconds_bucket{le=\"").append(le).append("\"} ").append(cumulative).append('\n');
        }
        out.append("parley_broadcast_seconds_sum ").append(latencyNanos.sum() / 1e9).append('\n');
        out.append("parley_broadcast_seconds_count ").append(latencyCount.sum()).append('\n');
        return out.toString();
    }

    private static void gauge(StringBuilder out, String name, String help, long value) {
        out.append("# HELP ").append(name).append(' ').append(help).append('\n')
                .append("# TYPE ").append(name).append(" gauge\n").append(name).append(' ').append(value).append('\n');
    }

    private static void counter(StringBuilder out, String name, String help, long value) {
        out.append("# HELP ").append(name).append(' ').append(help).append('\n')
                .append("# TYPE ").append(name).append(" counter\n").append(name).append(' ').append(value).append('\n');
    }
}
