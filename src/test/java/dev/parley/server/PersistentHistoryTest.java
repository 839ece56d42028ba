package dev.parley.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/// With a data folder the server keeps history in SQLite: it survives a restart and `seq`
/// carries on where it stopped.
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class PersistentHistoryTest {

    @TempDir
    Path data;

    @Test
    void historySurvivesARestart() {
        var config = ServerConfig.forTests().withDataDir(data.resolve("nested"));
        try (var server = TestServers.start(config); var alice = WsClient.connect(server, "clientId=alice").joined()) {
            alice.send("{\"type\":\"chat\",\"payload\":{\"text\":\"remember me\",\"cid\":\"r1\"}}");
            assertThat(alice.payload("chat").get("seq").getAsLong()).isEqualTo(1);
        }
        assertThat(Files.exists(data.resolve("nested").resolve(HistoryStores.FILE_NAME))).isTrue();
        try (var server = TestServers.start(config); var bob = WsClient.connect(server, "clientId=alice")) {
            var history = bob.payload("history").getAsJsonArray("messages");
            assertThat(history).hasSize(1);
            assertThat(history.get(0).getAsJsonObject().get("text").getAsString()).isEqualTo("remember me");
            // The same sender resending the same cid after the restart gets the original back.
            bob.send("{\"type\":\"chat\",\"payload\":{\"text\":\"remember me\",\"cid\":\"r1\"}}");
            assertThat(bob.payload("chat").get("seq").getAsLong()).isEqualTo(1);
            bob.chat("and me");
            assertThat(bob.payload("chat").get("seq").getAsLong()).isEqualTo(2);
        }
    }
}
