package dev.parley.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/// The command line, in process: help, bad flags, a taken port.
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class HeadlessCommandTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return HeadlessCommand.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @Test
    void helpListsEveryFlagAndExitsZero() {
        assertThat(run("--headless", "--help")).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("--port", "--bind", "--password", "--data",
                "--allow-origin", "--room", "--max-text-chars", "--max-frame-bytes", "--rate", "--burst",
                "--max-connections", "--max-connections-per-address", "--max-outbound-bytes", "--ping-interval",
                "--idle-timeout", "--auth-tries", "--history-retention");
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
    void aTakenPortSaysSoAndExitsOne() throws Exception {
        try (var taken = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1"))) {
            int port = taken.getLocalPort();
            assertThat(run("--headless", "--bind", "127.0.0.1", "--port", Integer.toString(port))).isEqualTo(1);
            assertThat(err.toString(StandardCharsets.UTF_8).strip())
                    .isEqualTo("port " + port + " is in use — choose another with --port");
        }
    }
}
