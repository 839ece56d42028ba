package dev.parley.server.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.parley.client.FileTransfers;
import dev.parley.protocol.Limits;
import dev.parley.server.ServerConfig;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/// `PUT /files/{sha256}`: streamed to disk, checked, deduplicated, limited, resumed.
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class FileUploadTest {

    @TempDir
    Path temp;

    @Test
    void anUploadIsStoredOnceByItsContent() {
        var content = Sharing.random(200_000);
        var sha = Sharing.sha256(content);
        try (var server = Sharing.start(); var alice = Sharing.join(server, "alice")) {
            var first = Sharing.put(server, sha, alice.token(), content);
            assertThat(first.statusCode()).isEqualTo(201);
            assertThat(first.body()).contains("\"sha256\":\"" + sha + "\"").contains("\"size\":200000");
            var again = Sharing.put(server, sha, alice.token(), content);
            assertThat(again.statusCode()).isEqualTo(200);
            assertThat(Sharing.status(server, sha, alice.token())).isEqualTo("{\"received\":200000,\"complete\":true}");
        }
    }

    @Test
    void contentThatIsNotItsHashIs422AndLeavesNothing() {
        var content = Sharing.random(50_000);
        var claimed = Sharing.sha256(Sharing.random(10));
        try (var server = Sharing.start(); var alice = Sharing.join(server, "alice")) {
            assertThat(Sharing.put(server, claimed, alice.token(), content).statusCode()).isEqualTo(422);
            assertThat(Sharing.status(server, claimed, alice.token())).isEqualTo("{\"received\":0,\"complete\":false}");
        }
    }

    @Test
    void aFileOverTheLimitIs413() {
        var content = Sharing.random(4_000);
        var config = ServerConfig.forTests().withLimits(Limits.DEFAULTS.withRate(0, 0));
        try (var server = Sharing.start(config, new FileLimits(1_000, 1_000_000));
             var alice = Sharing.join(server, "alice")) {
            assertThat(Sharing.put(server, Sharing.sha256(content), alice.token(), content).statusCode()).isEqualTo(413);
            assertThat(Sharing.status(server, Sharing.sha256(content), alice.token())).isEqualTo("{\"received\":0,\"complete\":false}");
        }
    }

    @Test
    void allFilesTogetherAreLimitedToo() {
        var config = ServerConfig.forTests().withLimits(Limits.DEFAULTS.withRate(0, 0));
        try (var server = Sharing.start(config, new FileLimits(10_000, 15_000)); var alice = Sharing.join(server, "alice")) {
            var one = Sharing.random(9_000);
            var two = Sharing.random(9_000);
            assertThat(Sharing.put(server, Sharing.sha256(one), alice.token(), one).statusCode()).isEqualTo(201);
            assertThat(Sharing.put(server, Sharing.sha256(two), alice.token(), two).statusCode()).isEqualTo(507);
        }
    }

    @Test
    void onlyAConnectedMemberMayUpload() {
        var content = Sharing.random(1_000);
        var sha = Sharing.sha256(content);
        try (var server = Sharing.start()) {
            var none = Sharing.send(HttpRequest.newBuilder(Sharing.http(server, "/files/" + sha))
                    .PUT(HttpRequest.BodyPublishers.ofByteArray(content)).build());
            assertThat(none.statusCode()).isEqualTo(401);
            assertThat(Sharing.put(server, sha, "guessed-token", content).statusCode()).isEqualTo(401);
            String gone;
            try (var alice = Sharing.join(server, "alice")) {
                gone = alice.token();
            }
            await().atMost(Duration.ofSeconds(10)).until(() -> Sharing.put(server, sha, gone, content).statusCode() == 401);
            var status = Sharing.send(HttpRequest.newBuilder(Sharing.http(server, "/files/" + sha + "/status")).GET().build());
            assertThat(status.statusCode()).isEqualTo(401);
        }
    }

    @Test
    void anUploadCutShortContinuesWhereItStopped() throws Exception {
        var content = Sharing.random(3_000_000);
        var sha = Sharing.sha256(content);
        var file = Files.write(temp.resolve("big.bin"), content);
        try (var server = Sharing.start(); var alice = Sharing.join(server, "alice")) {
            Sharing.cutUpload(server, sha, alice.token(), content, 1_200_000);
            await().atMost(Duration.ofSeconds(10)).until(() -> Sharing.status(server, sha, alice.token())
                    .equals("{\"received\":1200000,\"complete\":false}"));
            var first = new AtomicLong(-1);
            var uploaded = FileTransfers.forServer(server.localUri(), null).upload(file, null, alice.token(),
                    (done, total) -> first.compareAndSet(-1, done));
            assertThat(uploaded.size()).isEqualTo(3_000_000);
            // Only the rest was sent: the first progress report is already past what the server had.
            assertThat(first.get()).isGreaterThan(1_200_000);
            assertThat(Sharing.status(server, sha, alice.token())).isEqualTo("{\"received\":3000000,\"complete\":true}");
        }
    }

    @Test
    void anUploadContinuesAfterAServerRestart() throws Exception {
        var content = Sharing.random(2_000_000);
        var sha = Sharing.sha256(content);
        var file = Files.write(temp.resolve("big.bin"), content);
        var config = ServerConfig.forTests().withDataDir(temp.resolve("data"));
        try (var server = Sharing.start(config, FileLimits.DEFAULTS); var alice = Sharing.join(server, "alice")) {
            Sharing.cutUpload(server, sha, alice.token(), content, 700_000);
            await().atMost(Duration.ofSeconds(10)).until(() -> Sharing.status(server, sha, alice.token()).contains("700000"));
        }
        try (var server = Sharing.start(config, FileLimits.DEFAULTS); var alice = Sharing.join(server, "alice")) {
            assertThat(Sharing.status(server, sha, alice.token())).isEqualTo("{\"received\":700000,\"complete\":false}");
            var uploaded = FileTransfers.forServer(server.localUri(), null).upload(file, sha, alice.token(), FileTransfers.Progress.NONE);
            assertThat(uploaded.sha256()).isEqualTo(sha);
            var shared = alice.share(sha, "big.bin", "c1").getAsJsonObject("file");
            var downloaded = temp.resolve("down.bin");
            FileTransfers.forServer(server.localUri(), null).download(shared.get("url").getAsString(), downloaded, FileTransfers.Progress.NONE);
            assertThat(Files.readAllBytes(downloaded)).isEqualTo(content);
        }
    }

    @Test
    void aPieceWithAWrongStartIsRefusedWithWhatTheServerHas() {
        var content = Sharing.random(10_000);
        var sha = Sharing.sha256(content);
        try (var server = Sharing.start(); var alice = Sharing.join(server, "alice")) {
            var piece = java.util.Arrays.copyOfRange(content, 0, 4_000);
            var first = Sharing.send(HttpRequest.newBuilder(Sharing.http(server, "/files/" + sha))
                    .header("Authorization", "Bearer " + alice.token()).header("Content-Range", "bytes 0-3999/10000")
                    .PUT(HttpRequest.BodyPublishers.ofByteArray(piece)).build());
            assertThat(first.statusCode()).isEqualTo(202);
            assertThat(first.body()).isEqualTo("{\"received\":4000,\"complete\":false}");
            var skipping = Sharing.send(HttpRequest.newBuilder(Sharing.http(server, "/files/" + sha))
                    .header("Authorization", "Bearer " + alice.token()).header("Content-Range", "bytes 6000-9999/10000")
                    .PUT(HttpRequest.BodyPublishers.ofByteArray(java.util.Arrays.copyOfRange(content, 6_000, 10_000))).build());
            assertThat(skipping.statusCode()).isEqualTo(416);
            assertThat(skipping.body()).isEqualTo("{\"received\":4000,\"complete\":false}");
            var rest = Sharing.send(HttpRequest.newBuilder(Sharing.http(server, "/files/" + sha))
                    .header("Authorization", "Bearer " + alice.token()).header("Content-Range", "bytes 4000-9999/10000")
                    .PUT(HttpRequest.BodyPublishers.ofByteArray(java.util.Arrays.copyOfRange(content, 4_000, 10_000))).build());
            assertThat(rest.statusCode()).isEqualTo(201);
        }
    }
}
