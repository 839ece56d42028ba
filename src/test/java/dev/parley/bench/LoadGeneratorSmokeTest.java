package dev.parley.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.protocol.Limits;
import dev.parley.server.ParleyServer;
import dev.parley.server.ServerConfig;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/// Keeps the load generator working against a real Parley server (in this process, port 0,
/// history in memory). It checks what the generator counts, not how fast: speed is what the
/// generator prints when run by hand or by `src/bench/compare-bun.sh`.
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class LoadGeneratorSmokeTest {

    private ParleyServer server;
    private final ByteArrayOutputStream printed = new ByteArrayOutputStream();

    @BeforeEach
    void startServer() throws Exception {
        server = ParleyServer.start(ServerConfig.forTests().withLimits(Limits.DEFAULTS.withRate(0, 0)));
    }

    @AfterEach
    void stopServer() {
        server.stop();
    }

    private LoadGenerator generator(String... flags) {
        var args = new String[flags.length + 2];
        args[0] = "--url";
        args[1] = server.localUri().toString();
        System.arraycopy(flags, 0, args, 2, flags.length);
        return new LoadGenerator(LoadOptions.parse(args), new PrintStream(printed, true, StandardCharsets.UTF_8));
    }

    private String output() {
        return printed.toString(StandardCharsets.UTF_8);
    }

    @Test
    void everyMemberReceivesEveryMessageOnceAndInOrder() throws Exception {
        var step = generator("--clients", "10", "--senders", "3", "--rate", "200", "--seconds", "1",
                "--warmup-seconds", "0.5", "--settle-seconds", "3").execute();

        assertThat(step.sent()).as(output()).isGreaterThan(150);
        assertThat(step.deliveries()).as(output()).isEqualTo(step.sent() * 10);
        assertThat(step.lossFree()).as(output()).isTrue();
        assertThat(step.errors()).as(output()).isZero();
        assertThat(step.latencyMicros().getTotalCount()).isEqualTo(step.deliveries());
        // The server runs in this process: the generator finds it by its port and reads its CPU.
        assertThat(step.serverCpu()).as(output()).isGreaterThan(0);
        assertThat(output()).contains("RESULT deliveries_per_s=").contains("connect: 10 of 10 open");
    }

    @Test
    void saturationSearchIsBoundedAndReportsItsBestStep() throws Exception {
        // Whether a step fails depends on the machine; either way the search stops by itself
        // within --max-steps and names a result.
        generator("--clients", "5", "--senders", "2", "--rate", "50", "--seconds", "0.5", "--mode", "saturate",
                "--factor", "2", "--max-steps", "3", "--warmup-seconds", "0.3", "--settle-seconds", "2").execute();

        assertThat(output()).contains("step 1").contains("RESULT saturation_deliveries_per_s=");
        assertThat(output().lines().filter(line -> line.startsWith("step ")).count()).isBetween(1L, 3L);
    }

    @Test
    void memoryModeReportsTheServersGrowthPerConnection() throws Exception {
        generator("--clients", "50", "--mode", "memory", "--room-per-client", "--source-addresses", "2",
                "--settle-seconds", "2").execute();

        assertThat(output()).contains("connect: 50 of 50 open").contains("RESULT open=50 ");
        // Real readings of this process (the server runs here), not the probe's -1 for "unreadable".
        assertThat(value("rss_before_kib")).as(output()).isPositive();
        assertThat(value("rss_connected_kib")).as(output()).isPositive();
        // The lowest reading while idle is never above the one right after connecting.
        assertThat(value("rss_lowest_kib")).isLessThanOrEqualTo(value("rss_connected_kib"));
        // The figure per connection is the growth from before connecting to the last idle reading,
        // spread over the connections. In this process the heap of the tests around it can shrink
        // meanwhile, so its sign says nothing here; its arithmetic does.
        double growthBytes = (value("rss_last_kib") - value("rss_before_kib")) * 1024.0;
        assertThat(value("rss_per_conn_bytes")).as(output()).isEqualTo(Math.round(growthBytes / 50));
    }

    @Test
    void memoryModeStopsReadingWhenTheServerClosesIdleConnections() throws Exception {
        // The seed's Bun server closes idle connections after a while: a reading after that
        // would not be per connection, so the idle period ends with the first close.
        var generator = generator("--clients", "20", "--mode", "memory", "--settle-seconds", "1", "--idle-seconds", "40");
        try (var stopper = Executors.newSingleThreadScheduledExecutor()) {
            stopper.schedule(server::stop, 3, TimeUnit.SECONDS);
            generator.execute();
        }

        assertThat(output()).contains("note: the server closed 20 of 20 idle connections");
        assertThat(value("idle_s")).as(output()).isLessThan(20);
        assertThat(value("open_after_idle")).isZero();
    }

    private long value(String key) {
        var matcher = Pattern.compile("RESULT .*\\b" + key + "=(-?[0-9]+)").matcher(output());
        assertThat(matcher.find()).as(key + " in " + output()).isTrue();
        return Long.parseLong(matcher.group(1));
    }
}
