package dev.parley.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/// The password need not be on the command line, where every local user sees it through `ps`:
/// it may come from a file or from the environment.
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class PasswordSourcesTest {

    @TempDir
    Path folder;

    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    /// The command as picocli fills it from `args`, with `environment`, without running it.
    private HeadlessCommand parsed(Map<String, String> environment, String... args) {
        var command = new HeadlessCommand(new PrintStream(new ByteArrayOutputStream()), new PrintStream(err), environment);
        new CommandLine(command).parseArgs(args);
        return command;
    }

    @Test
    void theFirstLineOfAPasswordFile() throws Exception {
        var file = Files.writeString(folder.resolve("secret"), "s3cret pass\nignored\n");
        assertThat(parsed(Map.of(), "--headless", "--password-file", file.toString()).password()).isEqualTo("s3cret pass");
    }

    @Test
    void theEnvironmentWhenNoFlagGivesOne() {
        var environment = Map.of(HeadlessCommand.PASSWORD_VARIABLE, "from-env");
        assertThat(parsed(environment, "--headless").password()).isEqualTo("from-env");
        assertThat(parsed(environment, "--headless", "--password", "flag").password()).isEqualTo("flag");
        assertThat(parsed(Map.of(), "--headless").password()).as("an open room").isNull();
    }

    @Test
    void aFlagAndAFileAtOnceOrAnEmptyFileAreRefused() throws Exception {
        var file = Files.writeString(folder.resolve("secret"), "s3cret\n");
        assertThatThrownBy(() -> parsed(Map.of(), "--headless", "--password", "x", "--password-file", file.toString()).password())
                .hasMessageContaining("not both");
        var empty = Files.writeString(folder.resolve("empty"), "\n");
        assertThatThrownBy(() -> parsed(Map.of(), "--headless", "--password-file", empty.toString()).password())
                .hasMessageContaining("is empty");
    }

    @Test
    void aMissingPasswordFileIsABadCommandLine() {
        var missing = folder.resolve("missing").toString();
        int code = HeadlessCommand.run(new String[] {"--headless", "--port", "0", "--in-memory", "--password-file", missing},
                new PrintStream(new ByteArrayOutputStream()), new PrintStream(err, true, StandardCharsets.UTF_8), Map.of());
        assertThat(code).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("cannot read --password-file", missing);
    }
}
