package dev.parley.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/// One data-folder rule for the window and `--headless`: each platform's habit from its inputs
/// (the same inputs give the same folder whoever asks), and `--data` then `parley.data` before it.
@Timeout(value = 10, unit = TimeUnit.SECONDS)
class DataFolderTest {

    @ParameterizedTest(name = "{0}, APPDATA={2}, XDG_DATA_HOME={3} -> {4}")
    @CsvSource(nullValues = "null", delimiter = '|', textBlock = """
            Windows 11 | C:/Users/ann     | C:/Users/ann/Roaming | null         | C:/Users/ann/Roaming/Parley
            Windows 10 | C:/Users/ann     | null                 | null         | C:/Users/ann/AppData/Roaming/Parley
            Windows 10 | C:/Users/ann     | '  '                 | /data        | C:/Users/ann/AppData/Roaming/Parley
            Mac OS X   | /Users/ann       | null                 | /data        | /Users/ann/Library/Application Support/Parley
            Darwin     | /home/ann        | null                 | null         | /home/ann/.local/share/parley
            Linux      | /home/ann        | null                 | null         | /home/ann/.local/share/parley
            Linux      | /home/ann        | C:/elsewhere         | /data        | /data/parley
            Linux      | /home/ann        | null                 | ''           | /home/ann/.local/share/parley
            Linux      | /home/ann        | null                 | relative/dir | /home/ann/.local/share/parley
            FreeBSD    | /home/ann        | null                 | /data        | /data/parley
            """)
    void eachPlatformHasItsHabit(String os, String home, String appData, String xdgDataHome, String expected) {
        assertThat(DataFolder.forPlatform(os, home, appData, xdgDataHome)).isEqualTo(Path.of(expected));
    }

    @Test
    void theArgumentWinsThenThePropertyThenThePlatform() {
        assertThat(DataFolder.resolve(List.of("--port", "1", "--data", "/tmp/x"))).isEqualTo(Path.of("/tmp/x"));
        assertThat(DataFolder.resolve(List.of("--data=/tmp/y"))).isEqualTo(Path.of("/tmp/y"));
        var old = System.getProperty(DataFolder.PROPERTY);
        try {
            System.setProperty(DataFolder.PROPERTY, "/tmp/z");
            assertThat(DataFolder.resolve(List.of())).isEqualTo(Path.of("/tmp/z"));
            assertThat(DataFolder.defaultFolder()).as("what --headless uses").isEqualTo(Path.of("/tmp/z"));
            System.clearProperty(DataFolder.PROPERTY);
            assertThat(DataFolder.resolve(List.of())).isEqualTo(DataFolder.defaultFolder()).isAbsolute();
        } finally {
            if (old != null) {
                System.setProperty(DataFolder.PROPERTY, old);
            }
        }
    }
}
