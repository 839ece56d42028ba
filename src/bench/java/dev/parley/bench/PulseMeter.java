package dev.parley.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Locale;
import javafx.animation.AnimationTimer;
import javafx.scene.Scene;
import org.HdrHistogram.Histogram;

/// Gaps between JavaFX pulses, read on the FX thread. An [AnimationTimer] asks for a pulse at
/// every tick (about 60 a second, also with the headless glass platform, whose timer fires at a
/// fixed rate) and its `handle` runs once per pulse; a scene's post-layout pulse listener counts
/// the pulses that reached the window, as a cross-check. A gap is taken from `System.nanoTime()`
/// at each call: time the FX thread spent elsewhere (applying a batch, layout, GC) shows as a
/// long gap. FX thread only.
final class PulseMeter extends AnimationTimer {

    static final long SLOW_MICROS = 50_000;

    private final Scene scene;
    private final Gaps timer = new Gaps();
    private final Gaps layout = new Gaps();
    private final Runnable onLayout = () -> layout.tick(System.nanoTime());
    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    private long lastCpu = -1;
    private long slowWallMicros;
    private long slowCpuMicros;

    private PulseMeter(Scene scene) {
        this.scene = scene;
    }

    static PulseMeter start(Scene scene) {
        var meter = new PulseMeter(scene);
        scene.addPostLayoutPulseListener(meter.onLayout);
        meter.start();
        return meter;
    }

    @Override
    public void handle(long now) {
        long gap = timer.tick(System.nanoTime());
        if (gap > SLOW_MICROS) {
            SlowPulse.record(gap);
        }
        // How much of a long gap the FX thread spent running (its own work) rather than waiting
        // (for the renderer, a GC pause, or a core to run on).
        long cpu = threads.getCurrentThreadCpuTime();
        if (gap > SLOW_MICROS && lastCpu >= 0) {
            slowWallMicros += gap;
            slowCpuMicros += (cpu - lastCpu) / 1_000;
        }
        lastCpu = cpu;
    }

    void reset() {
        timer.reset();
        layout.reset();
        lastCpu = -1;
        slowWallMicros = 0;
        slowCpuMicros = 0;
    }

    void close() {
        stop();
        scene.removePostLayoutPulseListener(onLayout);
    }

    Figures figures() {
        return new Figures(timer.count, timer.histogram.copy(), timer.slow, timer.worstAt, layout.count,
                layout.histogram.getMaxValue(), slowWallMicros == 0 ? 0 : slowCpuMicros / (double) slowWallMicros);
    }

    /// Pulse gaps in microseconds; `worstAt` is when the longest one ended, in seconds after the
    /// reset; `slowBusyShare` is the share of the gaps over 50 ms that the FX thread spent running.
    record Figures(long pulses, Histogram gaps, long slow, double worstAt, long scenePulses, long sceneMaxMicros,
                   double slowBusyShare) {

        double millis(double percentile) {
            return gaps.getValueAtPercentile(percentile) / 1000.0;
        }

        double maxMillis() {
            return gaps.getMaxValue() / 1000.0;
        }

        String describe() {
            return String.format(Locale.ROOT, "%d pulses (scene saw %d), gap p50 %.1f ms, p99 %.1f ms, p99.9 %.1f ms, "
                            + "max %.1f ms (at %.1f s; scene max %.1f ms), %d gaps over %d ms (FX thread running in "
                            + "%.0f%% of their time)",
                    pulses, scenePulses, millis(50), millis(99), millis(99.9), maxMillis(), worstAt,
                    sceneMaxMicros / 1000.0, slow, SLOW_MICROS / 1000, slowBusyShare * 100);
        }
    }

    /// A gap over 50 ms in a flight recording (`-XX:StartFlightRecording`), committed at the pulse
    /// that ended it: `jfr print --events dev.parley.bench.SlowPulse` shows when each happened
    /// (its start time minus the gap is the pulse before), to set beside GC pauses and the
    /// samples of other threads.
    @jdk.jfr.Name("dev.parley.bench.SlowPulse")
    @jdk.jfr.Label("Slow FX pulse")
    @jdk.jfr.Category("Parley")
    static final class SlowPulse extends jdk.jfr.Event {
        @jdk.jfr.Label("Gap (µs)")
        long gapMicros;

        static void record(long gapMicros) {
            var event = new SlowPulse();
            if (event.shouldCommit()) {
                event.gapMicros = gapMicros;
                event.commit();
            }
        }
    }

    private static final class Gaps {
        final Histogram histogram = new Histogram(3);
        long count;
        long slow;
        long last;
        long since = System.nanoTime();
        double worstAt;

        /// Returns the gap that ended now in microseconds (0 for the first pulse).
        long tick(long now) {
            count++;
            long gap = 0;
            if (last != 0) {
                gap = (now - last) / 1_000;
                if (gap > histogram.getMaxValue()) {
                    worstAt = (now - since) / 1e9;
                }
                histogram.recordValue(gap);
                slow += gap > SLOW_MICROS ? 1 : 0;
            }
            last = now;
            return gap;
        }

        void reset() {
            histogram.reset();
            count = 0;
            slow = 0;
            last = 0;
            since = System.nanoTime();
            worstAt = 0;
        }
    }
}
