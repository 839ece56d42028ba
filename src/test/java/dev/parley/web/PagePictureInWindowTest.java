package dev.parley.web;

import static dev.parley.ui.WindowFixture.fx;
import static dev.parley.ui.WindowFixture.until;
import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.client.ConnectionState;
import dev.parley.ui.RemoteWindowTest;
import dev.parley.ui.files.PictureThumbnail;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.time.Duration;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;

/// A picture attached on the browser page (real headless Chromium) shows inline in the real
/// window's log, from the server's thumbnail.
class PagePictureInWindowTest extends RemoteWindowTest {

    private static final Duration WAIT = Duration.ofSeconds(40);

    @TempDir
    Path temp;

    @Start
    void start(Stage stage) throws Exception {
        open(stage);
    }

    @Test
    void aPictureSharedFromThePageShowsInlineInTheWindow(FxRobot robot) throws Exception {
        var picture = temp.resolve("whiteboard.png");
        var image = new BufferedImage(640, 480, BufferedImage.TYPE_INT_RGB);
        image.getGraphics().fillRect(40, 40, 200, 100);
        ImageIO.write(image, "png", picture.toFile());
        startRemote();
        fx(() -> { window.model().join().addressProperty().set("127.0.0.1:" + remote.port()); return window.model().join().join(); });
        until("connected", () -> window.model().status().stateProperty().get() == ConnectionState.CONNECTED);
        try (var bea = new Browser()) {
            bea.open("http://127.0.0.1:" + remote.port() + "/");
            bea.type("#name", "bea");
            bea.click("#join-button");
            bea.awaitText("#members", members -> members.contains("ann"), WAIT);
            Browser.waitUntil(WAIT, () -> bea.script("return !document.getElementById('attach').disabled").getAsBoolean());

            bea.type("#attach-input", picture.toString());

            Awaitility.await("the picture inline in the window").atMost(WAIT).until(() -> fx(() -> robot.lookup(".picture-thumbnail")
                    .tryQueryAs(PictureThumbnail.class).map(p -> p.image() != null).orElse(false)));
            var shown = robot.lookup(".picture-thumbnail").queryAs(PictureThumbnail.class);
            assertThat(fx(() -> shown.image().getWidth())).isEqualTo(320.0);
            assertThat(fx(shown::getAccessibleText)).contains("whiteboard.png");
        }
    }
}
