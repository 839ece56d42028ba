package dev.parley.ui.files;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.ui.common.I18n;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.image.ImageView;
import javafx.scene.image.WritableImage;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/// The file views on screen, against a real server and real clients: a card that opens and
/// saves a file byte for byte, a picture inline that opens full size, a failed upload's row
/// with Retry, and files coming in by the Attach button and by a pasted screenshot.
@ExtendWith(ApplicationExtension.class)
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class FileViewsWindowTest {

    @TempDir
    Path temp;

    private final I18n i18n = new I18n("en");
    private final VBox box = new VBox(8);
    private FileFixture fixture;

    @Start
    void start(Stage stage) {
        stage.setScene(new Scene(box, 900, 700));
        stage.show();
    }

    @AfterEach
    void stopServer() {
        if (fixture != null) {
            fixture.close();
        }
    }

    private static <T> T fx(Callable<T> read) throws Exception {
        return WaitForAsyncUtils.asyncFx(read).get(30, TimeUnit.SECONDS);
    }

    private static void until(String what, BooleanSupplier condition) {
        Awaitility.await(what).atMost(FileFixture.WAIT).pollInterval(Duration.ofMillis(50))
                .until(() -> fx(condition::getAsBoolean));
    }

    private Path folder(String name) throws Exception {
        return Files.createDirectories(temp.resolve(name));
    }

    /// Alice shares `file` in the lobby; answers Bob's line of it, with its url.
    private dev.parley.client.Line shared(Path file) throws Exception {
        fixture = new FileFixture(folder("data"));
        var alice = fixture.connected("alice");
        var bob = fixture.connected("bob");
        new SharedFiles(alice.client(), folder("alice-downloads"), Runnable::run).share("lobby", List.of(file));
        this.bob = bob;
        return bob.awaitFileLine("lobby", l -> l.file().url() != null);
    }

    private FileFixture.Member bob;

    @Test
    void aFileCardOpensAndSavesTheFileByteForByte(FxRobot robot) throws Exception {
        var original = FileFixture.randomFile(folder("alice"), "report.pdf", 2_500_000);
        var line = shared(original);
        var downloads = folder("Downloads");
        var opened = new CopyOnWriteArrayList<Path>();
        var saveTo = folder("elsewhere").resolve("kept.pdf");
        var files = new SharedFiles(bob.client(), downloads, Platform::runLater);
        var views = new FileViews(() -> files, new Pictures(bob.client()::files, Platform::runLater), i18n, opened::add,
                (owner, name) -> saveTo);

        var card = fx(() -> { var node = views.of(line.file()); box.getChildren().add(node); return node; });

        assertThat(card).isInstanceOf(FileCard.class);
        assertThat(fx(() -> robot.from(card).lookup(".file-name").queryAs(Label.class).getText())).isEqualTo("report.pdf");
        assertThat(fx(() -> robot.from(card).lookup(".file-size").queryAs(Label.class).getText())).isEqualTo("2.5 MB");
        assertThat(fx(card::getAccessibleText)).isEqualTo("File report.pdf, 2.5 MB");
        var open = robot.from(card).lookup("Open").queryButton();
        assertThat(fx(open::getAccessibleText)).isEqualTo("Open report.pdf");

        robot.clickOn(open);

        until("opened", () -> opened.size() == 1);
        assertThat(opened.getFirst()).isEqualTo(downloads.resolve("report.pdf"));
        assertThat(Files.mismatch(original, opened.getFirst())).isEqualTo(-1);
        robot.clickOn(open);
        until("opened again, the same file", () -> opened.size() == 2);
        assertThat(opened.get(1)).isEqualTo(opened.getFirst());

        robot.clickOn(robot.from(card).lookup("Save as…").queryButton());

        until("saved", () -> Files.exists(saveTo) && ((FileCard) card).download() == null);
        assertThat(Files.mismatch(original, saveTo)).isEqualTo(-1);
        try (var left = Files.list(downloads)) {
            assertThat(left).containsExactly(downloads.resolve("report.pdf"));
        }
    }

    @Test
    void aPictureShowsInlineAtItsThumbnailSizeAndAClickOpensItFullSize(FxRobot robot) throws Exception {
        var line = shared(FileFixture.png(folder("alice"), "sunset.png", 1200, 800));
        var files = new SharedFiles(bob.client(), folder("Downloads"), Platform::runLater);
        var views = new FileViews(() -> files, new Pictures(bob.client()::files, Platform::runLater), i18n, p -> {}, (o, n) -> null);

        var node = fx(() -> { var view = views.of(line.file()); box.getChildren().add(view); return view; });

        assertThat(node).isInstanceOf(PictureThumbnail.class);
        var thumbnail = (PictureThumbnail) node;
        until("the thumbnail is in", () -> thumbnail.image() != null);
        assertThat(fx(() -> thumbnail.image().getWidth())).isEqualTo(320.0);
        assertThat(fx(() -> thumbnail.image().getHeight())).isEqualTo(213.0);
        assertThat(fx(thumbnail::getAccessibleText)).isEqualTo("Picture sunset.png; press Enter to see it full size");

        robot.clickOn(thumbnail);

        until("a window with the picture", () -> pictureWindow() != null);
        var full = (ImageView) fx(() -> pictureWindow().getScene().getRoot().lookup(".image-view"));
        until("the whole picture", () -> full.getImage() != null);
        assertThat(fx(() -> full.getImage().getWidth())).isEqualTo(1200.0);
        robot.press(KeyCode.ESCAPE).release(KeyCode.ESCAPE);
        until("closed by Escape", () -> pictureWindow() == null);
    }

    private static Stage pictureWindow() {
        return Window.getWindows().stream().filter(w -> w instanceof Stage s && "sunset.png — Parley".equals(s.getTitle()))
                .map(w -> (Stage) w).findFirst().orElse(null);
    }

    @Test
    void aFailedUploadShowsWhyAndItsRetryButtonSharesIt(FxRobot robot) throws Exception {
        fixture = new FileFixture(folder("data"));
        var alice = fixture.connected("alice");
        var bob = fixture.connected("bob");
        var files = new SharedFiles(alice.client(), folder("Downloads"), Platform::runLater);
        fx(() -> box.getChildren().add(new TransfersPane(files, i18n)));
        var missing = folder("alice").resolve("notes.txt");

        fx(() -> files.share("lobby", List.of(missing)));

        until("a failed row", () -> robot.lookup(".transfer-detail").tryQueryAs(Label.class)
                .map(l -> l.getText().equals("Failed: no such file: " + missing)).orElse(false));
        var retry = robot.lookup("Retry").queryButton();
        assertThat(fx(retry::getAccessibleText)).isEqualTo("Try the transfer of notes.txt again");
        Files.writeString(missing, "now it is here");

        robot.clickOn(retry);

        assertThat(bob.awaitFileLine("lobby", l -> true).file().name()).isEqualTo("notes.txt");
        until("the row is gone", () -> robot.lookup(".transfer-row").tryQuery().isEmpty());
    }

    @Test
    void severalFilesComeInByTheAttachButtonAndAScreenshotByCtrlV(FxRobot robot) throws Exception {
        var one = FileFixture.randomFile(folder("in"), "one.bin", 10);
        var two = FileFixture.randomFile(folder("in"), "two.bin", 20);
        var received = new CopyOnWriteArrayList<List<Path>>();
        var pasted = folder("pasted");
        var intake = new FileIntake(() -> pasted, received::add, problem -> received.add(List.of()));
        var input = new TextField();
        var attach = fx(() -> {
            var button = intake.attachButton(i18n, (owner, title) -> List.of(one.toFile(), two.toFile()));
            intake.pasteInto(input);
            box.getChildren().addAll(button, input);
            return button;
        });
        assertThat(fx(attach::getAccessibleText)).isEqualTo("Attach files to send");

        robot.clickOn(attach);

        until("both attached", () -> received.size() == 1);
        assertThat(received.getFirst()).containsExactly(one, two);

        var screenshot = new WritableImage(64, 48);
        fx(() -> {
            for (int x = 0; x < 64; x++) {
                for (int y = 0; y < 48; y++) {
                    screenshot.getPixelWriter().setColor(x, y, x < 32 ? Color.RED : Color.BLUE);
                }
            }
            var content = new ClipboardContent();
            content.putImage(screenshot);
            return Clipboard.getSystemClipboard().setContent(content);
        });
        robot.clickOn(input).press(KeyCode.CONTROL, KeyCode.V).release(KeyCode.V, KeyCode.CONTROL);

        until("the screenshot attached", () -> received.size() == 2);
        var png = received.get(1).getFirst();
        assertThat(png.getFileName().toString()).startsWith("Screenshot ").endsWith(".png");
        var read = javax.imageio.ImageIO.read(png.toFile());
        assertThat(read.getWidth()).isEqualTo(64);
        assertThat(read.getRGB(5, 5)).isEqualTo(0xFFFF0000);
        assertThat(read.getRGB(60, 40)).isEqualTo(0xFF0000FF);
        assertThat(fx(() -> input.getText())).isEmpty();

        fx(() -> { var content = new ClipboardContent(); content.putString("just text"); return Clipboard.getSystemClipboard().setContent(content); });
        robot.clickOn(input).press(KeyCode.CONTROL, KeyCode.V).release(KeyCode.V, KeyCode.CONTROL);
        until("text is pasted as text", () -> input.getText().equals("just text"));
        assertThat(received).hasSize(2);
    }
}
