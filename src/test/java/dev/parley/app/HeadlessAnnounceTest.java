package dev.parley.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/// The headless server with LAN announcing, in process on loopback. The build switches
/// discovery off (`-Dparley.discovery=off`): the announcer runs but finds no interface to
/// announce on, so nothing multicasts. Each run is stopped by interrupting its thread.
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class HeadlessAnnounceTest {

    @TempDir
    Path data;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private String runUntil(String expected, String... args) throws Exception {
        var all = new ArrayList<>(List.of("--headless", "--port", "0", "--data", data.toString()));
        all.addAll(List.of(args));
        var exit = new AtomicInteger(-1);
        var server = Thread.ofPlatform().name("headless-under-test").start(() -> exit.set(HeadlessCommand.run(
                all.toArray(String[]::new), new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8))));
        try {
            Awaitility.await(expected).atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(50))
                    .until(() -> out.toString(StandardCharsets.UTF_8).contains(expected) || !server.isAlive());
            var printed = out.toString(StandardCharsets.UTF_8);
            assertThat(printed).as("stderr: " + err.toString(StandardCharsets.UTF_8)).contains(expected);
            // Still serving after the announcement line: /healthz answers.
            var matcher = Pattern.compile("ws://(?:127\\.0\\.0\\.1|localhost):(\\d+)/ws").matcher(printed);
            assertThat(matcher.find()).isTrue();
            try (var http = HttpClient.newHttpClient()) {
                var health = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + matcher.group(1) + "/healthz")).build(),
                        HttpResponse.BodyHandlers.ofString());
                assertThat(health.statusCode()).isEqualTo(200);
            }
            return printed;
        } finally {
            server.interrupt();
            server.join(Duration.ofSeconds(10));
        }
    }

    @Test
    void announcingIsOnByDefaultAndSaysWhereEvenWhenDiscoveryIsOff() throws Exception {
        assertThat(System.getProperty("parley.discovery")).isEqualTo("off");
        var printed = runUntil("Not announced on the local network: no network interface that can multicast.");
        assertThat(printed).contains("Parley is running").doesNotContain("--no-announce");
    }

    @Test
    void noAnnounceIsAcceptedAndSaysSo() throws Exception {
        var printed = runUntil("Not announced on the local network (--no-announce).", "--no-announce", "--bind", "127.0.0.1");
        assertThat(printed).contains("Parley is running");
        assertThat(err.toString(StandardCharsets.UTF_8)).isEmpty();
    }

    @Test
    void aServerBoundToLoopbackIsNotAnnounced() throws Exception {
        var printed = runUntil("Not announced on the local network: --bind 127.0.0.1 is reachable from this computer only.",
                "--bind", "127.0.0.1");
        assertThat(printed).contains("Parley is running");
    }

    @Test
    void helpListsNoAnnounce() {
        assertThat(HeadlessCommand.run(new String[] {"--headless", "--help"}, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8))).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("--no-announce");
    }
}
