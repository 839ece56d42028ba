package dev.parley.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/// What `parley` does before any window or server starts: help without `--headless`, and a clear
/// word instead of a stack trace when there is no display.
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class MainTest {

    record Run(int exit, String output) {}

    private static Run run(String... args) throws Exception {
        var command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Main.class.getName()));
        command.addAll(List.of(args));
        var builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().remove("DISPLAY");
        builder.environment().remove("WAYLAND_DISPLAY");
        var process = builder.start();
        var output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        return new Run(process.exitValue(), output);
    }

    @Test
    void helpPrintsUsageWithoutHeadless() throws Exception {
        var help = run("--help");
        assertThat(help.exit()).isZero();
        assertThat(help.output()).contains("Usage: parley").contains("--headless").contains("--port");
    }

    @Test
    void withoutADisplayTheWindowSaysWhatToDoInstead() throws Exception {
        var noDisplay = run();
        assertThat(noDisplay.exit()).isEqualTo(1);
        assertThat(noDisplay.output()).contains("no display found").contains("--headless")
                .doesNotContain("Exception");
    }

    @Test
    void inMemoryHistoryWritesNothingToTheDataFolder(@org.junit.jupiter.api.io.TempDir Path data) throws Exception {
        var process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Main.class.getName(),
                "--headless", "--bind", "127.0.0.1", "--port", "0", "--in-memory", "--data", data.toString())
                .redirectErrorStream(true).start();
        try (var output = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = output.readLine()) != null && !line.startsWith("Press Ctrl+C")) {
                assertThat(line).doesNotContain("could not start");
            }
            assertThat(line).as("the server started").isNotNull();
            process.destroy();
            assertThat(process.waitFor(10, TimeUnit.SECONDS)).isTrue();
        } finally {
            process.destroyForcibly();
        }
        try (var files = Files.list(data)) {
            assertThat(files.toList()).as("files in the data folder").isEmpty();
        }
    }

    @Test
    void jettyIsToldTheReferenceSizeSoThatItNeedsNoJmxAndAGivenValueWins() {
        var property = "org.eclipse.jetty.util.referencesPerCacheLine";
        var before = System.getProperty(property);
        try {
            System.clearProperty(property);
            Main.skipJettyCacheLineProbe();
            assertThat(System.getProperty(property)).as("compressed references: 16 in a 64-byte line").isEqualTo("16");
            System.setProperty(property, "8");
            Main.skipJettyCacheLineProbe();
            assertThat(System.getProperty(property)).isEqualTo("8");
        } finally {
            if (before == null) {
                System.clearProperty(property);
            } else {
                System.setProperty(property, before);
            }
        }
    }
}
