package dev.parley.client;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.protocol.Message;
import dev.parley.server.ParleyServer;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/// Sharing a file through [ParleyClient]: an own line that is pending with what was sent and
/// carries the server's url once sent, the other members' lines with the file, private shares,
/// and a share made while not connected that goes out with the outbox.
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class FileShareClientTest {

    @TempDir
    Path temp;

    @Test
    void aFileSharedInARoomReachesTheOthersWithItsUrlAndDownloadsByteForByte() throws Exception {
        var content = Files.write(temp.resolve("report.pdf"), random(400_000));
        try (var server = ParleyServer.start(PrivateConversationsTest.config(temp.resolve("data"), 0))) {
            var uri = server.localUri();
            var alice = new LineRecorder();
            var bob = new LineRecorder();
            try (var aliceClient = connected(uri, "alice", alice); var bobClient = connected(uri, "bob", bob)) {
                var uploaded = aliceClient.files().upload(content, null, aliceClient.fileUploads().token(),
                        FileTransfers.Progress.NONE);
                aliceClient.shareInRoom("lobby", new Message.FileInfo(uploaded.sha256(), "report.pdf", null,
                        "application/pdf", null, null, null, null), "");

                PrivateConversationsTest.await(Duration.ofSeconds(15), () -> alice.unsent() == 0
                        && !alice.lines("lobby").isEmpty() && !bob.lines("lobby").isEmpty());
                var own = alice.lines("lobby").getLast();
                assertThat(own.file().url()).startsWith("/files/" + uploaded.sha256());
                var theirs = bob.lines("lobby").getLast();
                assertThat(theirs.file().name()).isEqualTo("report.pdf");
                assertThat(theirs.file().size()).isEqualTo(400_000);
                var target = temp.resolve("downloaded.pdf");
                bobClient.files().download(theirs.file().url(), target, FileTransfers.Progress.NONE);
                assertThat(Files.mismatch(content, target)).isEqualTo(-1);
                assertThat(alice.problems()).isEmpty();
                assertThat(bob.problems()).isEmpty();
            }
        }
    }

    @Test
    void aPrivateShareReachesOnlyItsPartner() throws Exception {
        var content = Files.write(temp.resolve("secret.bin"), random(2_000));
        try (var server = ParleyServer.start(PrivateConversationsTest.config(temp.resolve("data"), 0))) {
            var uri = server.localUri();
            var bob = new LineRecorder();
            try (var aliceClient = connected(uri, "alice", new LineRecorder()); var bobClient = connected(uri, "bob", bob)) {
                var sha = aliceClient.files().upload(content, null, aliceClient.fileUploads().token(),
                        FileTransfers.Progress.NONE).sha256();
                aliceClient.shareWith("bob", new Message.FileInfo(sha, "secret.bin", null, null, null, null, null, null),
                        "for you");

                PrivateConversationsTest.await(Duration.ofSeconds(15), () -> !bob.lines("@alice").isEmpty());
                var line = bob.lines("@alice").getLast();
                assertThat(line.text()).isEqualTo("for you");
                assertThat(line.file().url()).isNotNull();
                assertThat(bob.lines("lobby")).allSatisfy(l -> assertThat(l.file()).isNull());
            }
        }
    }

    @Test
    void aShareMadeWhileNotConnectedGoesOutOnceConnected() throws Exception {
        var content = Files.write(temp.resolve("later.txt"), random(1_000));
        try (var server = ParleyServer.start(PrivateConversationsTest.config(temp.resolve("data"), 0))) {
            var uri = server.localUri();
            var bob = new LineRecorder();
            var carol = new LineRecorder();
            try (var bobClient = connected(uri, "bob", bob);
                 var carolClient = new ParleyClient(EndToEnd.config(uri, "carol"), carol)) {
                assertThat(carolClient.fileUploads()).isNull();
                var sha = bobClient.files().upload(content, null, bobClient.fileUploads().token(),
                        FileTransfers.Progress.NONE).sha256();
                carolClient.shareInRoom("lobby", new Message.FileInfo(sha, "later.txt", null, null, null, null, null, null), "");
                PrivateConversationsTest.await(Duration.ofSeconds(5), () -> carol.pending() == 1);

                carolClient.connect();
                PrivateConversationsTest.await(Duration.ofSeconds(15), () -> carol.unsent() == 0
                        && bob.lines("lobby").stream().anyMatch(l -> l.file() != null && l.from().equals("carol")));
                assertThat(carol.lines("lobby").getLast().file().url()).isNotNull();
                assertThat(carolClient.fileUploads().token()).isNotBlank();
            }
        }
    }

    private static ParleyClient connected(URI uri, String name, LineRecorder recorder) {
        var client = new ParleyClient(EndToEnd.config(uri, name), recorder);
        client.connect();
        PrivateConversationsTest.await(Duration.ofSeconds(20), () -> recorder.state() == ConnectionState.CONNECTED);
        return client;
    }

    private static byte[] random(int size) {
        var bytes = new byte[size];
        new Random(size).nextBytes(bytes);
        return bytes;
    }
}
