package dev.parley.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/// The command line, in process: help, bad flags, a taken port.
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class HeadlessCommandTest {

    @TempDir
    Path data;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    /// Runs with `--data` in a temporary folder, so no test writes to the real per-user folder.
    private int run(String... args) {
        var withData = Stream.concat(Arrays.stream(args), Stream.of("--data", data.toString()))
                .toArray(String[]::new);
        return HeadlessCommand.run(withData, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @Test
    void helpListsEveryFlagAndExitsZero() {
        assertThat(run("--headless", "--help")).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("--port", "--bind", "--password", "--data",
                "--allow-origin", "--room", "--max-text-chars", "--max-frame-bytes", "--rate", "--burst",
                "--max-connections", "--max-connections-per-address", "--max-outbound-bytes", "--ping-interval",
                "--idle-timeout", "--auth-tries", "--history-retention", "--max-rooms", "--max-history-messages",
                "--read-budget");
    }

    @Test
    void anUnknownFlagIsAClearErrorWithExitTwo() {
        assertThat(run("--headless", "--prot", "3001")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("'--prot'", "--help");
    }

    @Test
    void badValuesAreClearErrorsWithExitTwo() {
        assertThat(run("--headless", "--port", "many")).isEqualTo(2);
        assertThat(run("--headless", "--rate", "fast")).isEqualTo(2);
        assertThat(run("--headless", "--max-frame-bytes", "10")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("'many'", "--rate", "out of range");
    }

    @Test
    void rateAcceptsOffAndLimitsReachTheConfig() {
        var options = new LimitOptions();
        options.rate = "off";
        options.maxTextChars = 10;
        var limits = options.toLimits();
        assertThat(limits.rateLimited()).isFalse();
        assertThat(limits.maxTextChars()).isEqualTo(10);
    }

    @Test
    void storageLimitsReachTheConfigAndZeroIsOutOfRange() {
        var options = new LimitOptions();
        options.maxRooms = 7;
        options.maxHistoryMessages = 500;
        options.readBudgetMillis = 250;
        var limits = options.toLimits();
        assertThat(limits.maxRooms()).isEqualTo(7);
        assertThat(limits.maxStoredMessages()).isEqualTo(500);
        assertThat(limits.readBudget()).isEqualTo(java.time.Duration.ofMillis(250));
        assertThat(run("--headless", "--max-rooms", "0")).isEqualTo(2);
        assertThat(run("--headless", "--max-history-messages", "0")).isEqualTo(2);
        assertThat(run("--headless", "--read-budget", "0")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("out of range");
    }

    @Test
    void aTakenPortSaysSoAndExitsOne() throws Exception {
        try (var taken = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1"))) {
            int port = taken.getLocalPort();
            assertThat(run("--headless", "--bind", "127.0.0.1", "--port", Integer.toString(port))).isEqualTo(1);
            assertThat(err.toString(StandardCharsets.UTF_8).strip())
                    .isEqualTo("port " + port + " is in use — choose another with --port");
        }
    }

    @Test
    void anAddressThisMachineDoesNotHaveIsNotCalledAPortInUse() {
        // 203.0.113.0/24 is reserved for documentation: no machine has it.
        assertThat(run("--headless", "--bind", "203.0.113.7", "--port", "0")).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("cannot listen on 203.0.113.7:0").doesNotContain("in use");
    }
}
