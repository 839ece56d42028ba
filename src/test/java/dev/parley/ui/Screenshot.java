package dev.parley.ui;

import dev.parley.ui.common.Settings;
import dev.parley.client.ClientConfig;
import dev.parley.client.ParleyClient;
import dev.parley.discovery.DiscoveredRoom;
import java.awt.image.BufferedImage;
import java.net.URI;
import java.util.List;
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

/// Dev helper, not a test: opens the real window on a real display and saves `Scene.snapshot`s
/// as PNGs for the README: the connect view (two rooms "found" on the network, fed in process),
/// a room where a second person (the client library) chats, a private conversation, and the
/// invite panel with its QR code. Arguments: `[folder] [light|dark] [en|zh-CN]`. Under Xvfb
/// (apt `xvfb libgtk-3-0 fonts-wqy-microhei`):
///
/// ```
/// mvn -q test-compile dependency:build-classpath -Dmdep.outputFile=cp.txt
/// xvfb-run -a -s "-screen 0 1280x800x24" java -Dparley.discovery=off -cp target/classes:target/test-classes:$(cat cp.txt) dev.parley.ui.Screenshot assets
/// ```
public final class Screenshot {

    private Screenshot() {}

    public static void main(String[] args) throws Exception {
        var folder = Path.of(args.length > 0 ? args[0] : "assets");
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
            opened.complete(ParleyWindow.open(new Stage(), settings, data));
        });
        var window = opened.get(20, TimeUnit.SECONDS);
        waitFor(() -> window.model().nearbyListener() != null);
        var nearby = onFx(() -> window.model().nearbyListener());
        nearby.roomFound(new DiscoveredRoom("Design team", "192.168.1.23", 3001, List.of("lobby", "design"), 4, false,
                false, null, URI.create("ws://192.168.1.23:3001/ws")));
        nearby.roomFound(new DiscoveredRoom("Kitchen radio", "192.168.1.40", 3001, List.of("lobby"), 2, true,
                true, null, URI.create("wss://192.168.1.40:3001/ws")));
        Thread.sleep(800);
        save(window, folder.resolve("connect.png"));

        onFx(() -> { window.model().host().start(); return null; });
        waitFor(() -> window.model().host().hostingProperty().get() && window.model().input().connectedProperty().get());
        var server = onFx(() -> window.model().host().server().localUri());
        try (var bob = new ParleyClient(ClientConfig.of(server, "Bob", "lobby", null), event -> { });
             var chen = new ParleyClient(ClientConfig.of(server, "Chen", "lobby", null), event -> { })) {
            bob.connect();
            chen.connect();
            waitFor(() -> window.model().members().countProperty().get() == 3);
            Thread.sleep(600);
            save(window, folder.resolve("host-qr.png"));
            onFx(() -> {
                ((javafx.scene.control.ToggleButton) window.scene().lookup("#inviteToggle")).setSelected(false);
                return null;
            });
            onFx(() -> { window.model().conversations().join("design"); return null; });
            chen.join("design");
            onFx(() -> { window.model().conversations().select("lobby"); return null; });
            bob.sendChat("lobby", "Hi Ann! Is the build green after the merge? I pulled main this morning and the window tests ran headless in about a minute on my laptop, so I think we are good to ship.");
            Thread.sleep(400);
            say(window, "Yes, all tests pass. Hosting on port 3001 works again.");
            Thread.sleep(400);
            chen.sendChat("lobby", "你好！今天下午三点开会吗？");
            Thread.sleep(400);
            say(window, "好的，三点见。I'll share the screen.");
            Thread.sleep(400);
            chen.sendChat("design", "New mock-ups are in the shared folder.");
            bob.sendDm("Ann", "Got a minute after the meeting?");
            Thread.sleep(400);
            bob.sendChat("lobby", "Great, see you then.");
            Thread.sleep(300);
            bob.typing("lobby");
            Thread.sleep(1_500);
            save(window, folder.resolve("room.png"));

            onFx(() -> { window.model().conversations().select("@bob"); return null; });
            say(window, "Sure, what's up?");
            Thread.sleep(400);
            bob.sendDm("Ann", "Could you review my pull request on the connect view? It is small.");
            Thread.sleep(400);
            say(window, "On it — I'll look right after lunch.");
            Thread.sleep(300);
            bob.typingTo("Ann");
            Thread.sleep(1_500);
            save(window, folder.resolve("private.png"));
        }
        onFx(() -> { window.shutdown(); return null; });
        Platform.exit();
        System.exit(0);
    }

    private static void save(ParleyWindow window, Path out) throws Exception {
        var image = onFx(() -> snapshot(window));
        Files.createDirectories(out.toAbsolutePath().getParent());
        ImageIO.write(image, "png", out.toFile());
        System.out.println("saved " + out.toAbsolutePath());
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
