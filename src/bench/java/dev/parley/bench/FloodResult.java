package dev.parley.bench;

import java.io.PrintStream;
import java.util.Locale;
import org.HdrHistogram.Histogram;

/// What one window flood measured; `print` writes the summary and the `RESULT` line.
record FloodResult(FloodOptions options, long sent, long measuredSent, long skipped, WindowFlood.LineCounts lines, long chatLinesSeen,
                   boolean arrived, PulseMeter.Figures pulses, Histogram lagMicros, double fxCpuShare, double processCores, double otherCores, long gcMillis, long heapBefore, long heapBytes,
                   Scrolling scroll, double sendSeconds, double drainSeconds, long senderErrors) {

    /// Every sent message is a line of the log, once, and the log scrolls end to end.
    boolean complete() {
        return arrived && lines.chat() == sent && lines.distinctSeqs() == sent && lines.lines() == lines.modelLines()
                && scroll.works() && senderErrors == 0;
    }

    private double lagMillis(double percentile) {
        return lagMicros.getValueAtPercentile(percentile) / 1000.0;
    }

    void print(PrintStream out) {
        out.printf(Locale.ROOT, "sent %d in %.1f s measured (%.0f/s; %d skipped), %d with the warm-up; all in the window: %s, "
                + "%.2f s after the last send%n", measuredSent, sendSeconds, measuredSent / sendSeconds, skipped, sent,
                arrived ? "yes" : "NO", drainSeconds);
        out.printf(Locale.ROOT, "log list, scrolled to the top: %d lines (%d chat, one per seq: %s; %d system; the view model holds %d), "
                        + "%d chat lines added in all%n", lines.lines(), lines.chat(), lines.distinctSeqs() == lines.chat(),
                lines.system(), lines.modelLines(), chatLinesSeen);
        out.println("pulses while sending and draining: " + pulses.describe());
        out.printf(Locale.ROOT, "line lag (send call to the line in the log list): p50 %.1f ms, p99 %.1f ms, max %.1f ms%n",
                lagMillis(50), lagMillis(99), lagMicros.getMaxValue() / 1000.0);
        out.printf(Locale.ROOT, "CPU: this process %.2f cores, other processes %.2f cores (of %d); GC %d ms in all%n",
                processCores, otherCores, Runtime.getRuntime().availableProcessors(), gcMillis);
        out.printf(Locale.ROOT, "FX thread busy %.1f%% of the time; heap %d MiB used after GC, %d MiB before the flood "
                        + "(%.0f bytes per line)%n", fxCpuShare * 100, heapBytes >> 20, heapBefore >> 20,
                (heapBytes - heapBefore) / (double) Math.max(1, lines.lines()));
        out.printf(Locale.ROOT, "scroll: newest line visible at the end: %s (the list held %d lines); the room's first line "
                        + "at the top: %s, after %d Home presses in %.0f ms; last visible %d of %d after scrolling back in "
                        + "%.0f ms: %s%n", scroll.followed() ? "yes" : "NO", scroll.heldWhileFollowing(),
                scroll.reachedFirstLine() ? "yes" : "NO", scroll.homePresses(), scroll.topMillis(), scroll.lastVisible(),
                scroll.size(), scroll.bottomMillis(), scroll.works() ? "scrollable" : "NOT SCROLLABLE");
        out.printf(Locale.ROOT, "target: no pulse gap over %d ms: %s%n", PulseMeter.SLOW_MICROS / 1000,
                pulses.slow() == 0 ? "met" : "MISSED (" + pulses.slow() + " gaps)");
        out.printf(Locale.ROOT, "RESULT rate=%.0f seconds=%.0f senders=%d sent=%d lines=%d chat_lines=%d system_lines=%d "
                        + "complete=%s pulses=%d gap_p50_ms=%.2f gap_p99_ms=%.2f gap_p999_ms=%.2f gap_max_ms=%.2f "
                        + "gaps_over_50ms=%d lag_p99_ms=%.1f lag_max_ms=%.1f fx_busy_pct=%.1f heap_mib=%d scrollable=%s "
                        + "list_held=%d home_presses=%d sender_errors=%d process_cores=%.2f other_cores=%.2f gc_ms=%d slow_gaps_fx_running_pct=%.0f%n",
                options.rate(), options.seconds(), options.senders(), sent, lines.lines(), lines.chat(), lines.system(),
                complete(), pulses.pulses(), pulses.millis(50), pulses.millis(99), pulses.millis(99.9),
                pulses.maxMillis(), pulses.slow(), lagMillis(99), lagMicros.getMaxValue() / 1000.0, fxCpuShare * 100,
                heapBytes >> 20, scroll.works(), scroll.heldWhileFollowing(), scroll.homePresses(), senderErrors, processCores, otherCores, gcMillis,
                pulses.slowBusyShare() * 100);
    }
}
