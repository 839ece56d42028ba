package dev.parley.bench;

import dev.parley.client.ConnectionState;
import dev.parley.protocol.Limits;
import dev.parley.server.ParleyServer;
import dev.parley.server.ServerConfig;
import dev.parley.ui.log.LogLine;
import dev.parley.ui.ParleyWindow;
import dev.parley.ui.common.Settings;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import javafx.stage.Stage;

/// Floods the real window: an embedded Parley server (loopback, port 0, rate limit off, history
/// in memory), the real [ParleyWindow] joined to it on the running JavaFX platform (headless
/// glass in tests and in `src/bench/window-flood.sh`), and S [RawSenders] (room members on
/// plain sockets, cheap to run beside the window) paced to `--rate` messages a second in all.
/// Reports the gaps between FX pulses ([PulseMeter]), how late lines reach the log, the FX
/// thread's CPU, the heap, whether every message arrived and whether the log scrolls from its
/// first line to its last. The last line is `RESULT key=value …` for scripts. Target (issue 7):
/// no gap over 50 ms at 2,000/s for 60 s.
public final class WindowFlood {

    private static final String ROOM = "lobby";
    private static final Duration CONNECT = Duration.ofSeconds(30);

    private final FloodOptions options;
    private final PrintStream out;

    WindowFlood(FloodOptions options, PrintStream out) {
        this.options = options;
        this.out = out;
    }

    public static void main(String[] args) throws Exception {
        FloodOptions options;
        try {
            options = FloodOptions.parse(args);
        } catch (IllegalArgumentException bad) {
            System.err.println(bad.getMessage());
            System.err.println(FloodOptions.USAGE);
            System.exit(2);
            return;
        }
        int status = 0;
        try {
            status = new WindowFlood(options, System.out).execute().complete() ? 0 : 1;
        } catch (IllegalStateException failed) {
            System.err.println(failed.getMessage());
            status = 1;
        }
        System.exit(status);
    }

    FloodResult execute() throws Exception {
        // Never announce or browse on the network, whatever the command line said.
        System.setProperty("parley.discovery", "off");
        Fx.start();
        var data = Files.createTempDirectory("parley-flood");
        var server = ParleyServer.start(ServerConfig.forTests().withLimits(Limits.DEFAULTS.withRate(0, 0)));
        var opened = Fx.call(() -> open(data, server.port()));
        var window = opened.window();
        try {
            if (!Fx.until(CONNECT, () -> window.model().status().stateProperty().get() == ConnectionState.CONNECTED)) {
                throw new IllegalStateException("the window did not connect to " + server.localUri() + " in " + CONNECT);
            }
            return flood(window, server);
        } finally {
            Fx.run(() -> {
                try {
                    window.shutdown();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                opened.stage().close();
            });
            server.stop();
            deleteQuietly(data);
        }
    }

    private record Opened(Stage stage, ParleyWindow window) {}

    private static Opened open(Path data, int port) {
        var settings = new Settings();
        settings.name("viewer");
        settings.language("en");
        settings.size(1100, 720);
        var stage = new Stage();
        var window = ParleyWindow.open(stage, settings, data);
        window.model().join().addressProperty().set("127.0.0.1:" + port);
        window.model().join().join();
        return new Opened(stage, window);
    }

    private FloodResult flood(ParleyWindow window, ParleyServer server) throws Exception {
        var meter = Fx.call(() -> PulseMeter.start(window.scene()));
        var probe = Fx.call(() -> LineProbe.attach(shownLines(window)));
        long fxThread = Fx.call(() -> Thread.currentThread().threadId());
        var tally = new Tally();
        try (var senders = RawSenders.open(server.localUri(), options.senders(), tally)) {
            var pacer = new Pacer(senders, options.senders());
            long heapBefore = heapAfterGc();
            out.printf(Locale.ROOT, "window flood: %.0f messages/s from %d senders for %.0f s into the window at %s "
                    + "(heap %d MiB used after GC)%n", options.rate(), options.senders(), options.seconds(), server.localUri(),
                    heapBefore >> 20);
            if (options.warmupSeconds() > 0) {
                pacer.run(options.rate(), options.warmupSeconds());
                var warm = Fx.call(meter::figures);
                out.printf(Locale.ROOT, "warm-up %.0f s (not counted): %s%n", options.warmupSeconds(), warm.describe());
            }
            Fx.run(() -> { meter.reset(); probe.takeLag(); });
            long warmSent = Arrays.stream(pacer.sent).sum();
            long fxCpu0 = fxCpuNanos(fxThread);
            var cpu0 = CpuUse.now();
            long gc0 = gcMillis();
            long start = System.nanoTime();
            pacer.run(options.rate(), options.seconds());
            long sendNanos = System.nanoTime() - start;
            long sent = Arrays.stream(pacer.sent).sum();
            boolean arrived = Fx.until(Duration.ofMillis((long) (options.drainSeconds() * 1000)), () -> probe.chatLines() >= sent);
            long drainNanos = System.nanoTime() - start - sendNanos;
            var pulses = Fx.call(meter::figures);
            var lag = Fx.call(probe::takeLag);
            double fxCpu = (fxCpuNanos(fxThread) - fxCpu0) / (double) (System.nanoTime() - start);
            var cpu = CpuUse.now();
            long gc = gcMillis() - gc0;
            Fx.run(() -> { meter.close(); probe.close(); });
            // Scrolled to the room's first line, the list holds all of them: counted then.
            var scroll = Scrolling.check(window.scene(), window.model().log().lines(ROOM));
            var counts = Fx.call(() -> LineCounts.of(shownLines(window), window.model().log().lines(ROOM).size()));
            long heap = heapAfterGc();
            var result = new FloodResult(options, sent, sent - warmSent, pacer.skipped, counts, probe.chatLines(), arrived, pulses, lag,
                    fxCpu, cpu.processCores(cpu0), cpu.otherCores(cpu0), gc, heapBefore, heap, scroll, sendNanos / 1e9,
                    drainNanos / 1e9, tally.errors());
            result.print(out);
            return result;
        }
    }

    /// The lines the log list shows (they may trail the view model's by a moment under a flood).
    @SuppressWarnings("unchecked")
    private static javafx.collections.ObservableList<LogLine> shownLines(ParleyWindow window) {
        return ((javafx.scene.control.ListView<LogLine>) window.scene().lookup("#logList")).getItems();
    }

    private static long fxCpuNanos(long threadId) {
        return ManagementFactory.getThreadMXBean().getThreadCpuTime(threadId);
    }

    private static long gcMillis() {
        return ManagementFactory.getGarbageCollectorMXBeans().stream().mapToLong(gc -> Math.max(0, gc.getCollectionTime())).sum();
    }

    static long heapAfterGc() {
        System.gc();
        System.gc();
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    /// How many lines of each kind the log list shows, whether its chat lines are one per `seq`,
    /// and how many lines the room's view model holds.
    record LineCounts(int lines, long chat, long system, long distinctSeqs, int modelLines) {
        static LineCounts of(List<LogLine> shown, int modelLines) {
            long chat = shown.stream().filter(l -> l.kind() == LogLine.Kind.CHAT).count();
            long system = shown.stream().filter(l -> l.kind() == LogLine.Kind.SYSTEM).count();
            long seqs = shown.stream().filter(l -> l.kind() == LogLine.Kind.CHAT).mapToLong(LogLine::seq).distinct().count();
            return new LineCounts(shown.size(), chat, system, seqs, modelLines);
        }
    }

    private static void deleteQuietly(Path dir) {
        try (var walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // A temp folder: the OS cleans up what is left.
        }
    }
}
