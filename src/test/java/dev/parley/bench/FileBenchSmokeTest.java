package dev.parley.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.protocol.Limits;
import dev.parley.server.ParleyServer;
import dev.parley.server.ServerConfig;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/// Keeps `src/bench/files.sh`'s measuring program working against a real server (in this
/// process, port 0, a data folder): a few megabytes up and down, every figure printed. How fast
/// is what the script reports; this checks that it measures.
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class FileBenchSmokeTest {

    @TempDir
    Path temp;

    @Test
    void uploadsSharesDownloadsAndPrintsEveryFigure() throws Exception {
        var content = new byte[8 << 20];
        ThreadLocalRandom.current().nextBytes(content);
        var file = Files.write(temp.resolve("bench.bin"), content);
        var printed = new ByteArrayOutputStream();
        try (var server = ParleyServer.start(ServerConfig.forTests().withDataDir(temp.resolve("data"))
                .withLimits(Limits.DEFAULTS.withRate(0, 0)))) {
            var result = new FileBench(server.localUri(), file, ProcessHandle.current().pid(),
                    new PrintStream(printed, true, StandardCharsets.UTF_8)).run();
            assertThat(result.bytes()).isEqualTo(content.length);
            assertThat(result.uploadMbPerSecond()).isPositive();
            assertThat(result.downloadMbPerSecond()).isPositive();
        }
        System.out.print(printed.toString(StandardCharsets.UTF_8));
        assertThat(printed.toString(StandardCharsets.UTF_8))
                .matches("(?s)RESULT upload_mb_s=[0-9.]+ download_mb_s=[0-9.]+ rss_growth_mib=-?[0-9.]+ bytes=8388608\\s*");
        assertThat(temp.resolve("data").resolve("files").resolve("blobs")).isNotEmptyDirectory();
    }
}
