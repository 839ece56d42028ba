package dev.parley.bench;

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
        timer.tick(System.nanoTime());
    }

    void reset() {
        timer.reset();
        layout.reset();
    }

    void close() {
        stop();
        scene.removePostLayoutPulseListener(onLayout);
    }

    Figures figures() {
        return new Figures(timer.count, timer.histogram.copy(), timer.slow, timer.worstAt, layout.count,
                layout.histogram.getMaxValue());
    }

    /// Pulse gaps in microseconds; `worstAt` is when the longest one ended, in seconds after the reset.
    record Figures(long pulses, Histogram gaps, long slow, double worstAt, long scenePulses, long sceneMaxMicros) {

        double millis(double percentile) {
            return gaps.getValueAtPercentile(percentile) / 1000.0;
        }

        double maxMillis() {
            return gaps.getMaxValue() / 1000.0;
        }

        String describe() {
            return String.format(Locale.ROOT, "%d pulses (scene saw %d), gap p50 %.1f ms, p99 %.1f ms, p99.9 %.1f ms, "
                            + "max %.1f ms (at %.1f s; scene max %.1f ms), %d gaps over %d ms",
                    pulses, scenePulses, millis(50), millis(99), millis(99.9), maxMillis(), worstAt,
                    sceneMaxMicros / 1000.0, slow, SLOW_MICROS / 1000);
        }
    }

    private static final class Gaps {
        final Histogram histogram = new Histogram(3);
        long count;
        long slow;
        long last;
        long since = System.nanoTime();
        double worstAt;

        void tick(long now) {
            count++;
            if (last != 0) {
                long gap = (now - last) / 1_000;
                if (gap > histogram.getMaxValue()) {
                    worstAt = (now - since) / 1e9;
                }
                histogram.recordValue(gap);
                slow += gap > SLOW_MICROS ? 1 : 0;
            }
            last = now;
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
