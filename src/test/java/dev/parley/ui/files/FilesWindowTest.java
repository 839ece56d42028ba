package dev.parley.ui.files;

import static dev.parley.ui.WindowFixture.fx;
import static dev.parley.ui.WindowFixture.until;
import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.client.ClientEvent;
import dev.parley.client.ConnectionState;
import dev.parley.client.FileTransfers;
import dev.parley.client.Line;
import dev.parley.protocol.Message;
import dev.parley.ui.RemoteWindowTest;
import dev.parley.ui.WindowFixture;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.image.WritableImage;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.KeyCode;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;

/// Files in the real window against a real server: files pasted into the message field reach
/// another member (the client library), who downloads them byte for byte; a pasted screenshot
/// shows inline in the log; a file someone else shared shows as a card.
class FilesWindowTest extends RemoteWindowTest {

    private static final Duration WAIT = Duration.ofSeconds(40);

    @TempDir
    Path temp;

    @Start
    void start(Stage stage) throws Exception {
        open(stage);
    }

    private void connect() throws Exception {
        startRemote();
        fx(() -> { window.model().join().addressProperty().set("127.0.0.1:" + remote.port()); return window.model().join().join(); });
        until("connected", () -> window.model().status().stateProperty().get() == ConnectionState.CONNECTED);
    }

    private static List<Line> fileLines(WindowFixture.Peer peer, List<Line> seen) {
        for (ClientEvent event; (event = peer.events().poll()) != null; ) {
            if (event instanceof ClientEvent.LineAdded(var line) && line.file() != null) {
                seen.add(line);
            }
        }
        return seen;
    }

    private static void paste(FxRobot robot, ClipboardContent content) {
        fx(() -> Clipboard.getSystemClipboard().setContent(content));
        robot.clickOn("#input").press(KeyCode.CONTROL, KeyCode.V).release(KeyCode.V, KeyCode.CONTROL);
    }

    @Test
    void pastedFilesReachAnotherMemberByteForByteAndAPastedScreenshotShowsInline(FxRobot robot) throws Exception {
        connect();
        var report = FileFixture.randomFile(Files.createDirectories(temp.resolve("ann")), "report.pdf", 1_500_000);
        var notes = FileFixture.randomFile(temp.resolve("ann"), "notes.txt", 3_000);
        try (var bob = WindowFixture.Peer.join(remote.localUri(), "bob")) {
            until("bob is here", () -> window.model().members().countProperty().get() == 2);
            until("the attach button is on", () -> !robot.lookup("#attachButton").queryButton().isDisabled());
            assertThat(fx(() -> robot.lookup("#attachButton").queryButton().getAccessibleText())).isEqualTo("Attach files to send");

            var content = new ClipboardContent();
            content.putFiles(List.of(report.toFile(), notes.toFile()));
            paste(robot, content);

            var seen = new ArrayList<Line>();
            Awaitility.await("bob gets both files").atMost(WAIT).until(() -> fileLines(bob, seen).size() == 2);
            for (var line : seen) {
                var original = line.file().name().equals("report.pdf") ? report : notes;
                var downloaded = temp.resolve("bob-" + line.file().name());
                bob.client().files().download(line.file().url(), downloaded, FileTransfers.Progress.NONE);
                assertThat(Files.mismatch(original, downloaded)).isEqualTo(-1);
                assertThat(line.from()).isEqualTo("ann");
            }
            until("ann's own lines show the files as cards",
                    () -> robot.lookup(".file-card .file-name").queryAllAs(Label.class).stream().map(Label::getText)
                            .toList().containsAll(List.of("report.pdf", "notes.txt")));

            var screenshot = new WritableImage(400, 300);
            fx(() -> {
                for (int x = 0; x < 400; x++) {
                    for (int y = 0; y < 300; y++) {
                        screenshot.getPixelWriter().setColor(x, y, Color.hsb(x * 0.9, 0.6, 0.9));
                    }
                }
                return null;
            });
            var picture = new ClipboardContent();
            picture.putImage(screenshot);
            paste(robot, picture);

            until("the screenshot shows inline", () -> robot.lookup(".picture-thumbnail").tryQueryAs(PictureThumbnail.class)
                    .map(p -> p.image() != null && p.image().getWidth() == 320).orElse(false));
            Awaitility.await("bob gets the screenshot").atMost(WAIT).until(() -> fileLines(bob, seen).size() == 3);
            assertThat(seen.getLast().file().name()).startsWith("Screenshot ").endsWith(".png");
            assertThat(seen.getLast().file().thumb()).isNotNull();
        }
    }

    @Test
    void aFileSharedByAnotherShowsAsACardInThePrivateConversation(FxRobot robot) throws Exception {
        connect();
        var data = FileFixture.randomFile(Files.createDirectories(temp.resolve("bob")), "data.csv", 2_000);
        try (var bob = WindowFixture.Peer.join(remote.localUri(), "bob")) {
            Awaitility.await("bob connected").atMost(WAIT).until(() -> bob.client().fileUploads() != null);
            var sha = bob.client().files().upload(data, null, bob.client().fileUploads().token(), FileTransfers.Progress.NONE).sha256();
            bob.client().shareWith("ann", new Message.FileInfo(sha, "data.csv", null, null, null, null, null, null), "");

            until("the conversation with bob", () -> window.model().log().lines("@bob").stream().anyMatch(l -> l.file() != null));
            fx(() -> { window.model().conversations().select("@bob"); return null; });

            until("a card for it", () -> robot.lookup(".file-card .file-name").tryQueryAs(Label.class)
                    .map(l -> l.getText().equals("data.csv")).orElse(false));
            var open = robot.lookup(".file-card").lookup("Open").queryAs(Button.class);
            assertThat(fx(open::isDisabled)).isFalse();
            assertThat(fx(() -> robot.lookup(".file-card .file-size").queryAs(Label.class).getText())).isEqualTo("2.0 kB");
        }
    }
}
