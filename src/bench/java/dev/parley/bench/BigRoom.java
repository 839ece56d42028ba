package dev.parley.bench;

import dev.parley.server.Crowd;
import java.io.File;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.BooleanSupplier;

/// One room, many members: how long until N members have joined (each greeted by the server,
/// and — with `--presence` — each holding the full member list), the server's RSS per idle
/// member, and how long until every member is back after the server restarts (the members
/// reconnect with the real client's jittered backoff). Loopback only; every wait is bounded.
///
///     BigRoom --server-command "java -jar target/parley.jar --headless …" --port 3201 \
///             --members 1000,2000,10000 --restart-at 2000 --rss-at 10000 --presence --label parley
public final class BigRoom {

    /// What one run is asked to do.
    record Options(List<Integer> members, int restartAt, int rssAt, boolean presence, String label,
                   double timeoutSeconds, double settleSeconds, int concurrency) {

        static Options parse(String[] args, List<String> rest) {
            var members = List.of(1_000, 2_000, 10_000);
            int restartAt = 2_000;
            int rssAt = 10_000;
            boolean presence = false;
            String label = "server";
            double timeout = 300;
            double settle = 10;
            int concurrency = 128;
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "--members" -> members = java.util.Arrays.stream(args[++i].split(",")).map(Integer::parseInt).toList();
                    case "--restart-at" -> restartAt = Integer.parseInt(args[++i]);
                    case "--rss-at" -> rssAt = Integer.parseInt(args[++i]);
                    case "--presence" -> presence = true;
                    case "--label" -> label = args[++i];
                    case "--timeout-seconds" -> timeout = Double.parseDouble(args[++i]);
                    case "--settle-seconds" -> settle = Double.parseDouble(args[++i]);
                    case "--connect-concurrency" -> concurrency = Integer.parseInt(args[++i]);
                    default -> rest.add(args[i]);
                }
            }
            return new Options(members, restartAt, rssAt, presence, label, timeout, settle, concurrency);
        }
    }

    /// One line of figures per room size; -1 where a figure was not taken, NaN where it timed out.
    record Result(int members, double joinedSeconds, double listedSeconds, long rssPerMemberBytes, double backSeconds) {}

    private final Options options;
    private final BigRoomServer server;
    private final PrintStream out;

    BigRoom(Options options, BigRoomServer server, PrintStream out) {
        this.options = options;
        this.server = server;
        this.out = out;
    }

    List<Result> run() throws Exception {
        var results = new ArrayList<Result>();
        for (int n : options.members()) {
            results.add(room(n));
        }
        return results;
    }

    private Result room(int n) throws Exception {
        server.start();
        try {
            long baseKib = server.pid() > 0 ? ProcessProbe.rssKib(server.pid()) : -1;
            // About 28,000 ephemeral ports an address: a new one every 5,000 members, reconnects included.
            int addresses = Math.max(1, (n + 4_999) / 5_000);
            try (var crowd = new Crowd(server.uri(), "hall", "b", n, addresses, options.concurrency())) {
                var everybody = crowd.everybody();
                long start = System.nanoTime();
                crowd.join();
                double joined = waitFor(() -> crowd.greeted() == n, start);
                double listed = options.presence() ? waitFor(() -> crowd.seeing(everybody) == n, start) : -1;
                out.printf(Locale.ROOT, "%s: %d members joined in %.2f s%s (greeted %d)%n", options.label(), n, joined,
                        options.presence() ? String.format(Locale.ROOT, ", all lists complete in %.2f s", listed) : "",
                        crowd.greeted());
                out.printf(Locale.ROOT, "%s: %d connects, %d failed handshakes, connections ended: %s%n", options.label(),
                        crowd.connects.sum(), crowd.failedHandshakes.sum(), crowd.closes());
                long rss = -1;
                if (n == options.rssAt() && server.pid() > 0) {
                    Thread.sleep((long) (options.settleSeconds() * 1000));
                    rss = (ProcessProbe.rssKib(server.pid()) - baseKib) * 1024 / n;
                    out.printf(Locale.ROOT, "%s: server RSS %d bytes per idle member (%d members)%n", options.label(), rss, n);
                }
                double back = -1;
                if (n == options.restartAt()) {
                    server.stop();
                    server.start();
                    long restarted = System.nanoTime();
                    back = waitFor(() -> crowd.greeted() == n && (!options.presence() || crowd.seeing(everybody) == n), restarted);
                    out.printf(Locale.ROOT, "%s: %d members back %.2f s after the restart (%d connects in all, %d closed by policy)%n",
                            options.label(), n, back, crowd.connects.sum(), crowd.closedByPolicy());
                }
                var result = new Result(n, joined, listed, rss, back);
                out.printf(Locale.ROOT, "RESULT server=%s members=%d joined_s=%.3f listed_s=%.3f rss_per_member_bytes=%d back_s=%.3f%n",
                        options.label(), n, joined, listed, rss, back);
                return result;
            }
        } finally {
            server.stop();
        }
    }

    /// Seconds from `start` until `done`, polled every 20 ms; NaN after `--timeout-seconds`.
    private double waitFor(BooleanSupplier done, long start) throws InterruptedException {
        long deadline = start + (long) (options.timeoutSeconds() * 1e9);
        while (!done.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                return Double.NaN;
            }
            Thread.sleep(20);
        }
        return (System.nanoTime() - start) / 1e9;
    }

    public static void main(String[] args) throws Exception {
        var rest = new ArrayList<String>();
        var options = Options.parse(args, rest);
        String command = null;
        int port = 3201;
        File log = new File("big-room-server.log");
        for (int i = 0; i < rest.size(); i++) {
            switch (rest.get(i)) {
                case "--server-command" -> command = rest.get(++i);
                case "--port" -> port = Integer.parseInt(rest.get(++i));
                case "--server-log" -> log = new File(rest.get(++i));
                default -> throw new IllegalArgumentException("unknown flag " + rest.get(i));
            }
        }
        if (command == null) {
            throw new IllegalArgumentException("--server-command is required");
        }
        try (var server = new ProcessServer(command, port, log)) {
            new BigRoom(options, server, System.out).run();
        }
        System.exit(0); // Jetty's client threads are daemons, the crowd's retries too; this is belt and braces
    }
}
