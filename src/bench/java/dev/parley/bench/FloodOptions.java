package dev.parley.bench;

import java.util.ArrayList;
import java.util.List;

/// The window flood's flags. Every wait they drive is bounded: `--seconds` of sending after
/// `--warmup-seconds`, then at most `--drain-seconds` for the last lines to reach the window.
record FloodOptions(double rate, double seconds, int senders, double warmupSeconds, double drainSeconds) {

    static final String USAGE = """
            --rate MESSAGES_PER_S (all senders together, default 2000)  --seconds T (measured, default 60)
            --senders S (default 4)  --warmup-seconds W (sent, not measured; default 5)
            --drain-seconds D (longest wait for the last lines; default 30)""";

    static FloodOptions parse(String... args) {
        double rate = 2_000;
        double seconds = 60;
        int senders = 4;
        double warmup = 5;
        double drain = 30;
        var rest = new ArrayList<>(List.of(args));
        while (!rest.isEmpty()) {
            var flag = rest.removeFirst();
            if (rest.isEmpty()) {
                throw new IllegalArgumentException(flag + " needs a value");
            }
            var value = rest.removeFirst();
            switch (flag) {
                case "--rate" -> rate = Double.parseDouble(value);
                case "--seconds" -> seconds = Double.parseDouble(value);
                case "--senders" -> senders = Integer.parseInt(value);
                case "--warmup-seconds" -> warmup = Double.parseDouble(value);
                case "--drain-seconds" -> drain = Double.parseDouble(value);
                default -> throw new IllegalArgumentException("unknown flag " + flag);
            }
        }
        if (rate <= 0 || rate > 50_000 || seconds <= 0 || seconds > 600 || senders < 1 || senders > 50
                || warmup < 0 || warmup > 120 || drain <= 0 || drain > 300) {
            throw new IllegalArgumentException("out of range: rate 0–50000, seconds 0–600, senders 1–50, "
                    + "warmup-seconds 0–120, drain-seconds 0–300");
        }
        return new FloodOptions(rate, seconds, senders, warmup, drain);
    }
}
