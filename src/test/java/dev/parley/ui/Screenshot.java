package dev.parley.ui;

import dev.parley.ui.common.Settings;
import dev.parley.client.ClientConfig;
import dev.parley.client.ParleyClient;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javafx.application.Platform;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import javax.imageio.ImageIO;

/// Dev helper, not a test: opens the real window on a real display, hosts a room, lets a
/// second person (the client library) chat with it, and saves `Scene.snapshot` as a PNG.
/// Arguments: `[out.png] [light|dark] [en|zh-CN]`. Under Xvfb (apt `xvfb libgtk-3-0 fonts-wqy-microhei`):
///
/// ```
/// Xvfb :99 -screen 0 1280x800x24 & mvn -q test-compile dependency:build-classpath -Dmdep.outputFile=cp.txt
/// DISPLAY=:99 java -Dparley.discovery=off -cp target/classes:target/test-classes:$(cat cp.txt) dev.parley.ui.Screenshot
/// ```
public final class Screenshot {

    private Screenshot() {}

    public static void main(String[] args) throws Exception {
        var out = Path.of(args.length > 0 ? args[0] : "assets/screenshot.png");
        var theme = args.length > 1 && args[1].equals("dark") ? Settings.Theme.DARK : Settings.Theme.LIGHT;
        var language = args.length > 2 ? args[2] : "en";
        var data = Files.createTempDirectory("parley-screenshot");
        int port = portOr3001();
        var opened = new CompletableFuture<ParleyWindow>();
        Platform.startup(() -> {
            var settings = new Settings();
            settings.name("Ann");
            settings.port(port);
            settings.language(language);
            settings.theme(theme);
            settings.size(1180, 720);
            var window = ParleyWindow.open(new Stage(), settings, data);
            window.model().host().start();
            opened.complete(window);
        });
        var window = opened.get(20, TimeUnit.SECONDS);
        waitFor(() -> window.model().host().hostingProperty().get() && window.model().input().connectedProperty().get());
        var server = onFx(() -> window.model().host().server().localUri());
        try (var bob = new ParleyClient(ClientConfig.of(server, "Bob", "lobby", null), event -> { })) {
            bob.connect();
            waitFor(() -> window.model().members().countProperty().get() == 2);
            bob.sendChat("lobby", "Hi Ann! Is the build green after the merge? I pulled main this morning and the window tests ran headless in about a minute on my laptop, so I think we are good to ship.");
            Thread.sleep(400);
            say(window, "Yes, all tests pass. The Host toggle works on port 3001 now.");
            Thread.sleep(400);
            bob.sendChat("lobby", "你好！今天下午三点开会吗？");
            Thread.sleep(400);
            say(window, "好的，三点见。I'll share the screen.");
            Thread.sleep(400);
            bob.sendChat("lobby", "Great, see you then.");
            Thread.sleep(2_500);
            var image = onFx(() -> snapshot(window));
            Files.createDirectories(out.toAbsolutePath().getParent());
            ImageIO.write(image, "png", out.toFile());
            System.out.println("saved " + out.toAbsolutePath());
        }
        onFx(() -> { window.shutdown(); return null; });
        Platform.exit();
        System.exit(0);
    }

    /// The default port when it is free (as a user would see it), else any free one.
    private static int portOr3001() throws IOException {
        try (var probe = new ServerSocket(3001)) {
            return probe.getLocalPort();
        } catch (IOException taken) {
            return WindowFixture.freePort();
        }
    }

    private static void say(ParleyWindow window, String text) throws Exception {
        onFx(() -> {
            window.model().input().textProperty().set(text);
            return window.model().input().send();
        });
    }

    private static BufferedImage snapshot(ParleyWindow window) {
        WritableImage shot = window.scene().snapshot(null);
        int w = (int) shot.getWidth();
        int h = (int) shot.getHeight();
        var image = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
        var pixels = new int[w * h];
        shot.getPixelReader().getPixels(0, 0, w, h, javafx.scene.image.PixelFormat.getIntArgbInstance(), pixels, 0, w);
        image.setRGB(0, 0, w, h, pixels, 0, w);
        return image;
    }

    private static <T> T onFx(Callable<T> work) throws Exception {
        var result = new CompletableFuture<T>();
        Platform.runLater(() -> {
            try {
                result.complete(work.call());
            } catch (Exception e) {
                result.completeExceptionally(e);
            }
        });
        return result.get(20, TimeUnit.SECONDS);
    }

    private static void waitFor(BooleanSupplier condition) throws Exception {
        for (int i = 0; i < 200; i++) {
            if (onFx(condition::getAsBoolean)) {
                return;
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("the window did not get there in 20 s");
    }
}
