package dev.parley.bench;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;

/// The load generator's flags. Every loop they drive is bounded: `--seconds` per step,
/// `--max-steps` steps, `--settle-seconds` waits.
///
/// `--rate` is messages sent per second by all senders together; `--deliveries` sets it
/// from a target of deliveries per second instead (rate = deliveries / clients, since every
/// member, the sender included, gets each message).
record LoadOptions(URI url, int clients, int senders, double rate, double seconds, String mode,
                   double factor, int maxSteps, double p99LimitMs, long serverPid, int sourceAddresses,
                   boolean roomPerClient, double settleSeconds, int connectConcurrency, double warmupSeconds,
                   double idleSeconds, double holdSeconds) {

    static final String RUN = "run";
    static final String SATURATE = "saturate";
    static final String MEMORY = "memory";

    static LoadOptions parse(String[] args) {
        URI url = URI.create("ws://127.0.0.1:3001/ws");
        int clients = 100;
        int senders = -1;
        double rate = 1_000;
        double deliveries = -1;
        double seconds = 10;
        String mode = RUN;
        double factor = 1.25;
        int maxSteps = 20;
        double p99 = 100;
        long pid = -1;
        int sources = 1;
        boolean roomPerClient = false;
        double settle = 10;
        int concurrency = 64;
        double warmup = 3;
        double idle = 0;
        double hold = 0;
        var rest = new ArrayList<>(List.of(args));
        while (!rest.isEmpty()) {
            var flag = rest.removeFirst();
            if (flag.equals("--room-per-client")) {
                roomPerClient = true;
                continue;
            }
            if (rest.isEmpty()) {
                throw new IllegalArgumentException(flag + " needs a value");
            }
            var value = rest.removeFirst();
            switch (flag) {
                case "--url" -> url = URI.create(value);
                case "--clients" -> clients = Integer.parseInt(value);
                case "--senders" -> senders = Integer.parseInt(value);
                case "--rate" -> rate = Double.parseDouble(value);
                case "--deliveries" -> deliveries = Double.parseDouble(value);
                case "--seconds" -> seconds = Double.parseDouble(value);
                case "--mode" -> mode = value;
                case "--factor" -> factor = Double.parseDouble(value);
                case "--max-steps" -> maxSteps = Integer.parseInt(value);
                case "--p99-limit-ms" -> p99 = Double.parseDouble(value);
                case "--server-pid" -> pid = Long.parseLong(value);
                case "--source-addresses" -> sources = Integer.parseInt(value);
                case "--settle-seconds" -> settle = Double.parseDouble(value);
                case "--connect-concurrency" -> concurrency = Integer.parseInt(value);
                case "--warmup-seconds" -> warmup = Double.parseDouble(value);
                case "--idle-seconds" -> idle = Double.parseDouble(value);
                case "--hold-seconds" -> hold = Double.parseDouble(value);
                default -> throw new IllegalArgumentException("unknown flag " + flag + "\n" + USAGE);
            }
        }
        if (!url.getHost().startsWith("127.") && !url.getHost().equals("localhost") && !url.getHost().equals("[::1]")) {
            throw new IllegalArgumentException("loopback only: --url must point at 127.x.x.x, ::1 or localhost");
        }
        if (!List.of(RUN, SATURATE, MEMORY).contains(mode)) {
            throw new IllegalArgumentException("--mode is run, saturate or memory");
        }
        if (clients < 1 || clients > 20_000 || sources < 1 || sources > 250 || maxSteps < 1 || maxSteps > 100
                || seconds <= 0 || seconds > 600 || factor <= 1 || warmup < 0 || warmup > 600 || idle < 0 || idle > 600 || hold < 0 || hold > 3600) {
            throw new IllegalArgumentException("out of range: clients 1–20000, source-addresses 1–250, "
                    + "max-steps 1–100, seconds 0–600, factor > 1, idle-seconds 0–600, hold-seconds 0–3600");
        }
        senders = senders < 0 ? Math.min(clients, 20) : Math.min(senders, clients);
        if (deliveries > 0) {
            rate = deliveries / clients;
        }
        return new LoadOptions(url, clients, senders, rate, seconds, mode, factor, maxSteps, p99, pid, sources,
                roomPerClient, settle, concurrency, warmup, idle, hold);
    }

    static final String USAGE = """
            --url ws://127.0.0.1:3001/ws  --clients N  --senders S (default min(N,20))
            --rate SENDS_PER_S | --deliveries DELIVERIES_PER_S  --seconds T (per step)
            --mode run|saturate|memory  --factor F (saturate: rate × F per step)  --max-steps K
            --p99-limit-ms 100  --server-pid PID (default: found by port)
            --source-addresses A (127.0.0.1 … 127.0.0.A)  --room-per-client  --settle-seconds S
            --connect-concurrency C  --warmup-seconds W (unmeasured sending at --rate first; default 3)
            --idle-seconds I (memory mode: keep the connections idle up to I s more, reading the
              RSS every second, until the server closes one; the figure is the last reading with
              all open, the steady state; the lowest and the one right after connecting are printed too)
            --hold-seconds H (memory mode: keep the idle connections open H s after the RESULT line,
              to inspect the server meanwhile: jcmd, /proc)""";
}
