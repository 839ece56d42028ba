package dev.parley.bench;

import java.util.Locale;
import org.HdrHistogram.Histogram;

/// One measured step: what was asked, what was delivered and how late, what went wrong, and
/// who spent the CPU.
record StepResult(double targetSends, double sendSeconds, long sent, long skipped, long deliveries, double seconds,
                  Histogram latencyMicros, long missing, long duplicates, long outOfOrder, long errors,
                  double serverCpu, double generatorCpu) {

    double deliveredPerSecond() {
        return deliveries / seconds;
    }

    /// Server CPU per delivery: unlike deliveries per second, this survives a busy machine.
    double serverMicrosPerDelivery() {
        return deliveries == 0 ? 0 : serverCpu * 1e6 / deliveries;
    }

    double generatorMicrosPerDelivery() {
        return deliveries == 0 ? 0 : generatorCpu * 1e6 / deliveries;
    }

    double p99Millis() {
        return percentileMillis(99);
    }

    double percentileMillis(double percentile) {
        return latencyMicros.getTotalCount() == 0 ? 0 : latencyMicros.getValueAtPercentile(percentile) / 1000.0;
    }

    boolean lossFree() {
        return missing == 0 && duplicates == 0 && outOfOrder == 0;
    }

    /// Below the latency limit, nothing lost, and the generator really sent what it meant to.
    boolean sustained(double p99LimitMillis) {
        return lossFree() && errors == 0 && p99Millis() <= p99LimitMillis && skipped == 0
                && sent >= 0.95 * targetSends * sendSeconds - 1; // the pacer's last send may fall after the end
    }

    String describe() {
        return String.format(Locale.ROOT,
                "sends/s %.0f (target %.0f) | delivered %,d in %.2f s = %,.0f deliveries/s | latency ms p50 %.2f p99 %.2f "
                        + "p99.9 %.2f max %.2f | missing %d dup %d out-of-order %d | errors %d skipped %d | "
                        + "CPU s: server %.2f (%.0f%% of one core, %.1f µs/delivery) generator %.2f (%.0f%%, %.1f µs/delivery, share %.0f%%)",
                sent / sendSeconds, targetSends, deliveries, seconds, deliveredPerSecond(), percentileMillis(50),
                p99Millis(), percentileMillis(99.9), latencyMicros.getMaxValue() / 1000.0, missing, duplicates,
                outOfOrder, errors, skipped, serverCpu, 100 * serverCpu / seconds, serverMicrosPerDelivery(), generatorCpu,
                100 * generatorCpu / seconds, generatorMicrosPerDelivery(), serverCpu + generatorCpu <= 0 ? 0 : 100 * generatorCpu / (serverCpu + generatorCpu));
    }
}
