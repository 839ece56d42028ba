package dev.parley.bench;

import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.util.Locale;

/// Drives any server that speaks the seed's protocol (Parley, or the Bun seed) with N clients
/// and reports connect time, deliveries per second, end-to-end latency, loss, errors and the CPU
/// of both processes. Modes: `run` (one step at `--rate`), `saturate` (rate × `--factor` per
/// step until p99 passes the limit or anything is lost) and `memory` (N idle connections, the
/// server's RSS growth per connection). The last line is `RESULT key=value …` for scripts.
///
/// `mvn -q test-compile exec:java -Dexec.classpathScope=test -Dexec.mainClass=dev.parley.bench.LoadGenerator
///  -Dexec.args="--url ws://127.0.0.1:3001/ws --clients 100 --deliveries 10000 --seconds 10"`
public final class LoadGenerator {

    private static final double DRAIN_SECONDS = 5;
    private static final long QUIET_NANOS = 1_000_000_000L;

    private final LoadOptions options;
    private final PrintStream out;
    private final long serverPid;
    private final Tally tally = new Tally();

    LoadGenerator(LoadOptions options, PrintStream out) {
        this.options = options;
        this.out = out;
        this.serverPid = options.serverPid() > 0 ? options.serverPid() : ProcessProbe.pidListeningOn(port(options));
    }

    public static void main(String[] args) throws Exception {
        LoadOptions options;
        try {
            options = LoadOptions.parse(args);
        } catch (IllegalArgumentException bad) {
            System.err.println(bad.getMessage());
            System.err.println(LoadOptions.USAGE);
            System.exit(2);
            return;
        }
        try {
            new LoadGenerator(options, System.out).execute();
        } catch (IllegalStateException failed) {
            System.err.println(failed.getMessage());
            System.exit(1);
        }
        System.exit(0);
    }

    private static int port(LoadOptions options) {
        int port = options.url().getPort();
        return port > 0 ? port : 80;
    }

    /// Runs the chosen mode; returns the last step (memory mode: null).
    StepResult execute() throws Exception {
        if (serverPid < 0) {
            out.println("warning: no process found listening on port " + port(options) + "; server CPU and RSS read as -1 (give --server-pid)");
        }
        out.printf(Locale.ROOT, "server pid %d, %d clients, %d senders, %s, mode %s%n", serverPid, options.clients(),
                options.senders(), options.url(), options.mode());
        long rssBefore = ProcessProbe.rssKib(serverPid);
        try (var fleet = Fleet.open(options, tally)) {
            int open = fleet.openCount();
            out.printf(Locale.ROOT, "connect: %d of %d open in %.2f s (%s)%n", open, options.clients(),
                    fleet.connectNanos / 1e9, tally.errorBreakdown());
            settle();
            if (options.mode().equals(LoadOptions.MEMORY)) {
                long rssConnected = ProcessProbe.rssKib(serverPid);
                out.printf(Locale.ROOT, "server RSS %d KiB -> %d KiB just after connecting: %.0f bytes per connection%n",
                        rssBefore, rssConnected, perConnection(rssBefore, rssConnected, open));
                var idle = idle(fleet, open, rssConnected);
                int stillOpen = settledOpenCount(fleet, open);
                if (stillOpen < open) {
                    out.printf(Locale.ROOT, "note: the server closed %d of %d idle connections after %.0f s; readings stop there%n",
                            open - stillOpen, open, idle.seconds());
                }
                double perConnection = perConnection(rssBefore, idle.lastKib(), open);
                out.printf(Locale.ROOT, "server RSS %d KiB -> %d KiB after %.0f s idle with all %d open (lowest %d KiB): "
                                + "%.0f bytes per idle connection%n",
                        rssBefore, idle.lastKib(), idle.seconds(), open, idle.lowestKib(), perConnection);
                out.printf(Locale.ROOT, "RESULT open=%d open_after_idle=%d connect_s=%.2f rss_before_kib=%d rss_connected_kib=%d "
                                + "rss_lowest_kib=%d rss_last_kib=%d idle_s=%.0f rss_per_conn_bytes=%.0f%n",
                        open, stillOpen, fleet.connectNanos / 1e9, rssBefore, rssConnected, idle.lowestKib(), idle.lastKib(),
                        idle.seconds(), perConnection);
                out.flush();
                Thread.sleep((long) (options.holdSeconds() * 1000));
                return null;
            }
            if (open == 0) {
                throw new IllegalStateException("no connection opened: is a server listening at " + options.url() + "?");
            }
            var pacer = Pacer.overSessions(fleet.receivers, options.senders(), tally);
            if (options.warmupSeconds() > 0) {
                // JIT of both processes: a cold first step measures the compiler, not the server.
                var warm = step(fleet, pacer, options.rate(), options.warmupSeconds());
                out.printf(Locale.ROOT, "warm-up (not counted): %s%n", warm.describe());
            }
            return options.mode().equals(LoadOptions.SATURATE) ? saturate(fleet, pacer) : report(step(fleet, pacer, options.rate(), options.seconds()));
        }
    }

    private StepResult report(StepResult step) {
        out.println(step.describe());
        out.printf(Locale.ROOT, "RESULT deliveries_per_s=%.0f p50_ms=%.2f p99_ms=%.2f p999_ms=%.2f max_ms=%.2f missing=%d "
                        + "duplicates=%d out_of_order=%d errors=%d server_cpu_s=%.2f generator_cpu_s=%.2f server_cpu_us_per_delivery=%.2f "
                        + "generator_cpu_us_per_delivery=%.2f%n",
                step.deliveredPerSecond(), step.percentileMillis(50), step.p99Millis(), step.percentileMillis(99.9),
                step.latencyMicros().getMaxValue() / 1000.0, step.missing(), step.duplicates(), step.outOfOrder(),
                step.errors(), step.serverCpu(), step.generatorCpu(), step.serverMicrosPerDelivery(),
                step.generatorMicrosPerDelivery());
        return step;
    }

    /// Raises the rate by `--factor` until a step fails, then bisects (geometrically) between
    /// the best passing and the lowest failing rate until they are within 10%; when even the
    /// first rate fails, halves it. A step that fails on latency alone (nothing lost) is run once
    /// more at the same rate before it counts: one stall of a busy 2-core machine (another
    /// process, a GC, the first checkpoint of a database) is not saturation. At most
    /// `--max-steps` steps.
    private StepResult saturate(Fleet fleet, Pacer pacer) throws InterruptedException {
        double rate = options.rate();
        StepResult best = null;
        double failedAt = -1;
        boolean retried = false;
        for (int n = 1; n <= options.maxSteps(); n++) {
            var step = step(fleet, pacer, rate, options.seconds());
            boolean ok = step.sustained(options.p99LimitMs());
            boolean retry = !ok && !retried && step.missing() == 0 && step.duplicates() == 0 && step.outOfOrder() == 0;
            out.printf(Locale.ROOT, "step %d %s: %s%n", n, ok ? "ok  " : retry ? "SLOW" : "FAIL", step.describe());
            retried = retry;
            if (retry) {
                Thread.sleep(500);
                continue;
            }
            if (ok) {
                best = best == null || step.deliveredPerSecond() > best.deliveredPerSecond() ? step : best;
            } else {
                failedAt = failedAt < 0 ? rate : Math.min(failedAt, rate);
            }
            if (failedAt < 0) {
                rate *= options.factor();
            } else if (best == null) {
                rate /= 2;
            } else if (failedAt / best.targetSends() < 1.1) {
                break;
            } else {
                rate = Math.sqrt(best.targetSends() * failedAt);
            }
            Thread.sleep(500);
        }
        if (best == null) {
            out.println("RESULT saturation_deliveries_per_s=0 (no step passed; lower --rate)");
            return null;
        }
        out.printf(Locale.ROOT, "RESULT saturation_deliveries_per_s=%.0f p99_ms=%.2f sends_per_s=%.0f server_cpu_s=%.2f "
                        + "generator_cpu_s=%.2f server_cpu_us_per_delivery=%.2f generator_cpu_us_per_delivery=%.2f%n",
                best.deliveredPerSecond(), best.p99Millis(), best.targetSends(), best.serverCpu(), best.generatorCpu(),
                best.serverMicrosPerDelivery(), best.generatorMicrosPerDelivery());
        return best;
    }

    private static double perConnection(long rssBeforeKib, long rssAfterKib, int open) {
        return (rssAfterKib - rssBeforeKib) * 1024.0 / Math.max(1, open);
    }

    /// What the server's RSS did while the connections were idle.
    private record Idle(long lowestKib, long lastKib, double seconds) {}

    /// Memory mode: keeps the connections idle up to `--idle-seconds`, reading the server's RSS
    /// every second (printed every 5 s), and stops early when the server closes any of them (the
    /// seed's Bun server closes idle connections after a while). The figure is the last reading
    /// while all were open; the lowest is reported too. A garbage-collected server gives back
    /// what the connect burst made only after a while (Parley's G1 at its periodic collection,
    /// 10–20 s after the last one): idle long enough, and a fixed-time reading does not fall
    /// before or after that by chance.
    private Idle idle(Fleet fleet, int open, long rssConnected) throws InterruptedException {
        long lowest = rssConnected;
        long last = rssConnected;
        long start = System.nanoTime();
        long end = start + (long) (options.idleSeconds() * 1e9);
        long nextPrint = start + 5_000_000_000L;
        // A reading counts once the next check still finds every connection open: closes the
        // client has not noticed yet may already have freed memory in the server.
        long unconfirmed = -1;
        while (System.nanoTime() < end) {
            Thread.sleep(Math.max(1, Math.min(1_000, (end - System.nanoTime()) / 1_000_000)));
            if (fleet.openCount() < open) {
                break;
            }
            if (unconfirmed >= 0) {
                last = unconfirmed;
                lowest = Math.min(lowest, unconfirmed);
            }
            unconfirmed = ProcessProbe.rssKib(serverPid);
            if (System.nanoTime() >= nextPrint) {
                nextPrint += 5_000_000_000L;
                out.printf(Locale.ROOT, "idle %.0f s: server RSS %d KiB%n", (System.nanoTime() - start) / 1e9, unconfirmed);
            }
        }
        if (unconfirmed >= 0 && fleet.openCount() == open) { // not after a close ended the loop
            Thread.sleep(1_000);
            if (fleet.openCount() == open) {
                last = unconfirmed;
                lowest = Math.min(lowest, unconfirmed);
            }
        }
        return new Idle(lowest, last, (System.nanoTime() - start) / 1e9);
    }

    /// The open count once closes have stopped coming for a moment (at most a few seconds): a
    /// server closes its idle connections one by one, and the note counts them all.
    private static int settledOpenCount(Fleet fleet, int open) throws InterruptedException {
        int count = fleet.openCount();
        if (count == open) {
            return count;
        }
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (System.nanoTime() < deadline) {
            Thread.sleep(500);
            int now = fleet.openCount();
            if (now == count) {
                return now;
            }
            count = now;
        }
        return count;
    }

    /// Waits until the server has gone quiet after the joins (Parley sends join notices and
    /// presence lists), at most `--settle-seconds`.
    private void settle() throws InterruptedException {
        long deadline = System.nanoTime() + (long) (options.settleSeconds() * 1e9);
        while (System.nanoTime() < deadline && System.nanoTime() - tally.lastFrameNanos < QUIET_NANOS) {
            Thread.sleep(50);
        }
    }

    private StepResult step(Fleet fleet, Pacer pacer, double rate, double seconds) throws InterruptedException {
        tally.takeLatency();
        long deliveries0 = tally.deliveries.sum();
        long dup0 = tally.duplicates.sum();
        long ooo0 = tally.outOfOrder.sum();
        long errors0 = tally.errors();
        long skipped0 = pacer.skipped;
        long missing0 = fleet.missing(pacer.sent);
        double serverCpu0 = ProcessProbe.cpuSeconds(serverPid);
        double selfCpu0 = selfCpu();
        long start = System.nanoTime();
        long sent = pacer.run(rate, seconds) - (pacer.skipped - skipped0);
        long expected = sent * fleet.openCount();
        long drainDeadline = System.nanoTime() + (long) (DRAIN_SECONDS * 1e9);
        while (tally.deliveries.sum() - deliveries0 < expected && System.nanoTime() < drainDeadline) {
            Thread.sleep(5);
        }
        long end = Math.min(System.nanoTime(), Math.max(tally.lastFrameNanos, start + 1));
        return new StepResult(rate, seconds, sent, pacer.skipped - skipped0, tally.deliveries.sum() - deliveries0,
                (end - start) / 1e9, tally.takeLatency(), fleet.missing(pacer.sent) - missing0,
                tally.duplicates.sum() - dup0, tally.outOfOrder.sum() - ooo0, tally.errors() - errors0,
                ProcessProbe.cpuSeconds(serverPid) - serverCpu0, selfCpu() - selfCpu0);
    }

    private static double selfCpu() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime() / 1e9;
    }
}
