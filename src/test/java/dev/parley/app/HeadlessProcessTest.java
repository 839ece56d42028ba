package dev.parley.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.server.WsClient;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Map;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/// `parley --headless` as a real child process: it prints where to join, serves a chat, logs
/// joins without secrets, and stops within 2 s on SIGTERM.
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class HeadlessProcessTest {

    @TempDir
    Path data;

    @Test
    void theHeadlessServerPrintsAddressesChatsAndStopsOnSigterm() throws Exception {
        var java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        var process = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                // The child is on the machine's real network: it must not announce there.
                "-Dparley.discovery=off", Main.class.getName(),
                "--headless", "--port", "0", "--password", "s3cret", "--data", data.toString())
                .redirectErrorStream(true).start();
        try {
            var printed = new LinkedBlockingQueue<String>();
            var reader = Thread.ofVirtual().start(() -> {
                try (var output = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                    output.lines().forEach(printed::add);
                } catch (IOException | UncheckedIOException ended) {
                    // The process is gone.
                }
            });
            var lines = new ArrayList<String>();
            URI local = null;
            for (String line; (line = printed.poll(20, TimeUnit.SECONDS)) != null && !line.startsWith("Press Ctrl+C"); ) {
                lines.add(line);
                if (line.strip().startsWith("ws://localhost:")) {
                    local = URI.create(line.strip().split("\\s+")[0]);
                }
            }
            assertThat(lines).anyMatch(line -> line.startsWith("Parley is running"));
            assertThat(local).as("printed addresses: %s", lines).isNotNull();

            try (var alice = WsClient.connect(local, "clientId=alice&token=s3cret", Map.of(), true)) {
                assertThat(alice.payload("history").getAsJsonArray("messages")).isEmpty();
                alice.chat("hello headless");
                var chat = alice.payload("chat");
                assertThat(chat.get("text").getAsString()).isEqualTo("hello headless");
                assertThat(chat.get("from").getAsString()).isEqualTo("alice");

                long stopping = System.nanoTime();
                process.destroy(); // SIGTERM
                assertThat(process.waitFor(2, TimeUnit.SECONDS)).as("exited within 2 s").isTrue();
                assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - stopping)).isLessThan(2_000);
                assertThat(alice.next("system").get("payload").getAsString()).isEqualTo("room is closing");
                assertThat(alice.closeCode()).isEqualTo(1001);
            }
            reader.join(2_000);
            assertThat(String.join("\n", printed)).contains("alice joined lobby").doesNotContain("s3cret");
        } finally {
            process.destroyForcibly();
        }
        assertThat(Files.isDirectory(data)).isTrue();
    }
}
