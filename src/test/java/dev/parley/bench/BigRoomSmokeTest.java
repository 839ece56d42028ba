package dev.parley.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.protocol.Limits;
import dev.parley.server.ParleyServer;
import dev.parley.server.ServerConfig;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/// Keeps the big-room benchmark working against a real Parley server in this process (port 0
/// the first time, the same port after the restart). It checks that every figure is taken,
/// not how fast: `src/bench/big-room.sh` measures.
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class BigRoomSmokeTest {

    /// A Parley server in this process that can start again on its first port.
    private static final class InProcess implements BigRoomServer {
        private ParleyServer server;
        private int port;

        @Override
        public void start() throws Exception {
            var limits = Limits.DEFAULTS.withRate(0, 0).withConnections(1_000, 1_000);
            server = ParleyServer.start(ServerConfig.forTests().withLimits(limits).withPort(port));
            port = server.port();
        }

        @Override
        public void stop() {
            if (server != null) {
                server.stop();
                server = null;
            }
        }

        @Override
        public URI uri() {
            return server.localUri();
        }

        @Override
        public long pid() {
            return -1;
        }
    }

    @Test
    void aSmallRoomJoinsListsEverybodyAndComesBackAfterARestart() throws Exception {
        var printed = new ByteArrayOutputStream();
        var options = BigRoom.Options.parse(new String[] {"--members", "20,60", "--restart-at", "60", "--rss-at", "0",
                "--presence", "--label", "parley", "--timeout-seconds", "20", "--connect-concurrency", "16"}, new ArrayList<>());
        try (var server = new InProcess()) {
            var results = new BigRoom(options, server, new PrintStream(printed, true, StandardCharsets.UTF_8)).run();
            var output = printed.toString(StandardCharsets.UTF_8);
            assertThat(results).as(output).hasSize(2);
            assertThat(results).as(output).allSatisfy(r -> {
                assertThat(r.joinedSeconds()).isBetween(0.0, 20.0);
                assertThat(r.listedSeconds()).isBetween(0.0, 20.0);
            });
            assertThat(results.get(1).backSeconds()).as(output).isBetween(0.0, 20.0);
            assertThat(output).contains("RESULT server=parley members=60");
        }
    }
}
