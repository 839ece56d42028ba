package dev.parley.ui.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/// Sharing and fetching files through [SharedFiles] with a real server, real clients and real
/// files: byte for byte, never overwriting, with cancel, retry and cut connections. Reports
/// reach the properties directly (no FX thread needed).
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class SharedFilesTest {

    @TempDir
    Path temp;

    @org.junit.jupiter.api.BeforeAll
    static void pictureDecoding() {
        FileFixture.startFx();
    }

    private Path folder(String name) throws Exception {
        return Files.createDirectories(temp.resolve(name));
    }

    @Test
    void aFileSharedByOneIsDownloadedByAnotherByteForByteWithoutOverwriting() throws Exception {
        var original = FileFixture.randomFile(folder("alice"), "report.pdf", 3_000_000);
        var downloads = folder("bob-downloads");
        Files.writeString(downloads.resolve("report.pdf"), "bob's own report");
        try (var fixture = new FileFixture(folder("data"))) {
            var alice = fixture.connected("alice");
            var bob = fixture.connected("bob");
            var aliceFiles = new SharedFiles(alice.client(), folder("alice-downloads"), Runnable::run);
            var bobFiles = new SharedFiles(bob.client(), downloads, Runnable::run);

            var upload = aliceFiles.share("lobby", List.of(original)).getFirst();
            await().atMost(FileFixture.WAIT).until(() -> upload.stateProperty().get() == Transfer.State.DONE);
            assertThat(upload.doneProperty().get()).isEqualTo(3_000_000);
            var line = bob.awaitFileLine("lobby", l -> l.file().url() != null);
            assertThat(line.from()).isEqualTo("alice");
            assertThat(line.file().size()).isEqualTo(3_000_000);
            alice.awaitFileLine("lobby", l -> l.own() && l.file().url() != null);
            assertThat(aliceFiles.transfers()).isEmpty();

            var first = bobFiles.download(line.file());
            await().atMost(FileFixture.WAIT).until(() -> first.stateProperty().get() == Transfer.State.DONE);
            var second = bobFiles.download(line.file());
            await().atMost(FileFixture.WAIT).until(() -> second.stateProperty().get() == Transfer.State.DONE);

            assertThat(first.resultProperty().get()).isEqualTo(downloads.resolve("report (1).pdf"));
            assertThat(second.resultProperty().get()).isEqualTo(downloads.resolve("report (2).pdf"));
            assertThat(Files.mismatch(original, first.resultProperty().get())).isEqualTo(-1);
            assertThat(Files.mismatch(original, second.resultProperty().get())).isEqualTo(-1);
            assertThat(Files.readString(downloads.resolve("report.pdf"))).isEqualTo("bob's own report");
            try (var left = Files.list(downloads)) {
                assertThat(left.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder(
                        "report.pdf", "report (1).pdf", "report (2).pdf");
            }
        }
    }

    @Test
    void aPrivateShareReachesItsPartnerAndAPictureGetsAThumbnailLoadedAtTheSizeShown() throws Exception {
        var picture = FileFixture.png(folder("alice"), "sunset.png", 1200, 800);
        try (var fixture = new FileFixture(folder("data")); var pictures = new Pictures(() -> null, Runnable::run)) {
            var alice = fixture.connected("alice");
            var bob = fixture.connected("bob");
            var aliceFiles = new SharedFiles(alice.client(), folder("a"), Runnable::run);

            aliceFiles.share("@bob", List.of(picture));

            var line = bob.awaitFileLine("@alice", l -> true);
            assertThat(line.file().mime()).isEqualTo("image/png");
            assertThat(line.file().thumb()).isNotNull();
            assertThat(line.file().width()).isEqualTo(1200);
            assertThat(bob.lines().getOrDefault("lobby", List.of())).noneMatch(l -> l.file() != null);

            var bobPictures = new Pictures(bob.client()::files, Runnable::run);
            var loaded = new java.util.concurrent.atomic.AtomicReference<Pictures.Loaded>();
            bobPictures.thumbnail(line.file(), 300, 200, loaded::set);
            await().atMost(FileFixture.WAIT).until(() -> loaded.get() != null);
            assertThat(loaded.get().failure()).isNull();
            assertThat(loaded.get().image().getWidth()).isEqualTo(300);
            assertThat(loaded.get().image().getHeight()).isEqualTo(200);
            bobPictures.close();
        }
    }

    @Test
    void aFailedUploadSaysWhyAndRetrySharesIt() throws Exception {
        var missing = folder("alice").resolve("later.txt");
        try (var fixture = new FileFixture(folder("data"))) {
            var alice = fixture.connected("alice");
            var bob = fixture.connected("bob");
            var aliceFiles = new SharedFiles(alice.client(), folder("a"), Runnable::run);

            var upload = aliceFiles.share("lobby", List.of(missing)).getFirst();

            await().atMost(FileFixture.WAIT).until(() -> upload.stateProperty().get() == Transfer.State.FAILED);
            assertThat(upload.failureProperty().get()).isEqualTo("no such file: " + missing);
            assertThat(aliceFiles.transfers()).containsExactly(upload);

            Files.writeString(missing, "here now");
            upload.retry();

            await().atMost(FileFixture.WAIT).until(() -> upload.stateProperty().get() == Transfer.State.DONE);
            assertThat(bob.awaitFileLine("lobby", l -> true).file().name()).isEqualTo("later.txt");
            assertThat(aliceFiles.transfers()).isEmpty();
        }
    }

    @Test
    void aCancelledUploadContinuesWhereItStoppedOnRetry() throws Exception {
        var big = FileFixture.randomFile(folder("alice"), "big.bin", 24_000_000);
        try (var fixture = new FileFixture(folder("data"))) {
            var alice = fixture.connected("alice");
            var bob = fixture.connected("bob");
            var aliceFiles = new SharedFiles(alice.client(), folder("a"), Runnable::run);
            var cancelled = new AtomicBoolean();
            var firstAfterRetry = new AtomicLong(-1);

            var upload = aliceFiles.share("lobby", List.of(big)).getFirst();
            upload.doneProperty().addListener((obs, old, now) -> {
                if (cancelled.compareAndSet(false, true)) {
                    upload.cancel(); // on its first report, from the transferring side
                }
            });
            await().atMost(FileFixture.WAIT).until(() -> upload.stateProperty().get() == Transfer.State.CANCELLED);
            assertThat(aliceFiles.transfers()).isEmpty();
            Thread.sleep(300); // lets the server store what reached it before the cancel
            upload.doneProperty().addListener((obs, old, now) -> firstAfterRetry.compareAndSet(-1, now.longValue()));

            upload.retry();

            await().atMost(FileFixture.WAIT).until(() -> upload.stateProperty().get() == Transfer.State.DONE);
            assertThat(firstAfterRetry.get()).as("the retry starts after what the server had").isGreaterThan(1_048_576);
            var line = bob.awaitFileLine("lobby", l -> true);
            var downloaded = folder("b").resolve("big.bin");
            bob.client().files().download(line.file().url(), downloaded, dev.parley.client.FileTransfers.Progress.NONE);
            assertThat(Files.mismatch(big, downloaded)).isEqualTo(-1);
        }
    }

    @Test
    void anUploadWaitsForTheConnectionAndOneCutByAServerRestartContinues() throws Exception {
        var big = FileFixture.randomFile(folder("alice"), "restart.bin", 24_000_000);
        try (var fixture = new FileFixture(folder("data"))) {
            var alice = fixture.member("alice");
            var aliceFiles = new SharedFiles(alice.client(), folder("a"), Runnable::run);
            var stopped = new AtomicBoolean();

            var upload = aliceFiles.share("lobby", List.of(big)).getFirst();
            await().atMost(FileFixture.WAIT).until(() -> upload.stateProperty().get() == Transfer.State.WAITING);
            upload.doneProperty().addListener((obs, old, now) -> {
                if (stopped.compareAndSet(false, true)) {
                    // The server goes away under the upload: it waits here until the server is
                    // gone, not only until the client saw its goodbye, since a fast upload would
                    // otherwise finish while the server says goodbye to its members.
                    var stopper = Thread.ofVirtual().start(fixture::stop);
                    await().atMost(FileFixture.WAIT).until(() -> alice.client().fileUploads() == null);
                    try {
                        stopper.join(FileFixture.WAIT);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
            });
            alice.client().connect();
            await().atMost(FileFixture.WAIT).until(stopped::get);
            await().atMost(FileFixture.WAIT).until(() -> upload.stateProperty().get() == Transfer.State.WAITING);
            fixture.start();

            await().atMost(FileFixture.WAIT).until(() -> upload.stateProperty().get() == Transfer.State.DONE);
            var bob = fixture.connected("bob");
            var line = bob.awaitFileLine("lobby", l -> true);
            var downloaded = folder("b").resolve("restart.bin");
            bob.client().files().download(line.file().url(), downloaded, dev.parley.client.FileTransfers.Progress.NONE);
            assertThat(Files.mismatch(big, downloaded)).isEqualTo(-1);
        }
    }
}
