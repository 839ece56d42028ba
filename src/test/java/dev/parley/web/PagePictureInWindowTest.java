package dev.parley.web;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.client.ClientConfig;
import dev.parley.client.ClientEvent;
import dev.parley.client.Line;
import dev.parley.client.ParleyClient;
import dev.parley.server.ParleyServer;
import dev.parley.server.ServerConfig;
import dev.parley.ui.common.I18n;
import dev.parley.ui.files.FileViews;
import dev.parley.ui.files.Pictures;
import dev.parley.ui.files.PictureThumbnail;
import dev.parley.ui.files.SharedFiles;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/// A picture attached on the browser page (real headless Chromium) shows inline in the window's
/// file view, from the server's thumbnail.
@ExtendWith(ApplicationExtension.class)
@Timeout(value = 120, unit = SECONDS)
class PagePictureInWindowTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @TempDir
    Path temp;

    private final VBox box = new VBox();

    @Start
    void start(Stage stage) {
        stage.setScene(new Scene(box, 600, 400));
        stage.show();
    }

    @Test
    void aPictureSharedFromThePageShowsInlineInTheWindow() throws Exception {
        var picture = temp.resolve("whiteboard.png");
        var image = new BufferedImage(640, 480, BufferedImage.TYPE_INT_RGB);
        image.getGraphics().fillRect(40, 40, 200, 100);
        ImageIO.write(image, "png", picture.toFile());
        var shared = new AtomicReference<Line>();
        try (var server = ParleyServer.start(ServerConfig.forTests().withDataDir(temp.resolve("data")));
             var bob = new ParleyClient(ClientConfig.of(server.localUri(), "bob", "lobby", null), event -> {
                 if (event instanceof ClientEvent.LineAdded(var line) && line.file() != null) {
                     shared.set(line);
                 }
             });
             var ann = new Browser()) {
            bob.connect();
            ann.open("http://127.0.0.1:" + server.port() + "/");
            ann.type("#name", "ann");
            ann.click("#join-button");
            ann.awaitText("#members", members -> members.contains("bob"), WAIT);
            Browser.waitUntil(WAIT, () -> ann.script("return !document.getElementById('attach').disabled").getAsBoolean());

            ann.type("#attach-input", picture.toString());

            Awaitility.await("bob's line with the picture").atMost(WAIT).until(() -> shared.get() != null);
            var file = shared.get().file();
            assertThat(file.name()).isEqualTo("whiteboard.png");
            var files = new SharedFiles(bob, Files.createDirectories(temp.resolve("Downloads")), Platform::runLater);
            var views = new FileViews(() -> files, new Pictures(bob::files, Platform::runLater), new I18n("en"), p -> {}, (o, n) -> null);
            var shown = WaitForAsyncUtils.asyncFx(() -> {
                var node = views.of(file);
                box.getChildren().add(node);
                return node;
            }).get(30, SECONDS);

            assertThat(shown).isInstanceOf(PictureThumbnail.class);
            Awaitility.await("the thumbnail drawn").atMost(WAIT).until(() -> WaitForAsyncUtils.asyncFx(
                    () -> ((PictureThumbnail) shown).image() != null).get(30, SECONDS));
            assertThat(WaitForAsyncUtils.asyncFx(() -> ((PictureThumbnail) shown).image().getWidth()).get(30, SECONDS))
                    .isEqualTo(320.0);
        }
    }
}
