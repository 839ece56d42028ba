package dev.parley.ui.files;

import static dev.parley.ui.WindowFixture.fx;
import static dev.parley.ui.WindowFixture.until;

import dev.parley.client.ClientConfig;
import dev.parley.client.FileTransfers;
import dev.parley.client.ParleyClient;
import dev.parley.protocol.Message;

import dev.parley.ui.ParleyWindow;
import dev.parley.ui.common.Settings;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.image.PixelFormat;
import javafx.stage.Stage;
import javax.imageio.ImageIO;

/// Dev helper, not a test: the README's picture of a shared image. Opens the real window on a
/// real display, hosts, lets Bob share a picture and Chen a report (the client library), and
/// saves the scene as `assets/shared-image.png`. Run like [dev.parley.ui.Screenshot]:
///
/// ```
/// xvfb-run -a -s "-screen 0 1280x800x24" java -Dparley.discovery=off -cp target/classes:target/test-classes:$(cat cp.txt) dev.parley.ui.files.SharedImageScreenshot
/// ```
public final class SharedImageScreenshot {

    private SharedImageScreenshot() {}

    public static void main(String[] args) throws Exception {
        var out = Path.of(args.length > 0 ? args[0] : "assets/shared-image.png");
        var data = Files.createTempDirectory("parley-screenshot");
        var files = Files.createTempDirectory("parley-screenshot-files");
        int port;
        try (var probe = new java.net.ServerSocket(0)) {
            port = probe.getLocalPort();
        }
        var opened = new CompletableFuture<ParleyWindow>();
        Platform.startup(() -> {
            var settings = new Settings();
            settings.name("Ann");
            settings.port(port);
            settings.language("en");
            settings.size(1180, 720);
            opened.complete(ParleyWindow.open(new Stage(), settings, data));
        });
        var window = opened.get(20, TimeUnit.SECONDS);
        fx(() -> { window.model().host().start(); return null; });
        until("ready", () -> window.model().host().hostingProperty().get() && window.model().input().connectedProperty().get());
        var server = fx(() -> window.model().host().server().localUri());
        try (var bob = new ParleyClient(ClientConfig.of(server, "Bob", "lobby", null), event -> { });
             var chen = new ParleyClient(ClientConfig.of(server, "Chen", "lobby", null), event -> { })) {
            bob.connect();
            chen.connect();
            until("ready", () -> window.model().members().countProperty().get() == 3 && bob.fileUploads() != null && chen.fileUploads() != null);
            say(window, "Could someone send me the whiteboard from this morning?");
            Thread.sleep(400);
            share(bob, whiteboard(files.resolve("whiteboard.png")), "image/png");
            Thread.sleep(400);
            var report = files.resolve("Q3 report.pdf");
            Files.write(report, new byte[1_843_200]);
            share(chen, report, "application/pdf");
            Thread.sleep(400);
            say(window, "Thanks, both of you! 谢谢！");
            until("ready", () -> window.scene().getRoot().lookupAll(".picture-thumbnail").stream()
                    .anyMatch(node -> ((PictureThumbnail) node).image() != null));
            // The invite panel opens with hosting; Escape closes it, as a user would.
            fx(() -> { window.scene().getRoot().fireEvent(new javafx.scene.input.KeyEvent(javafx.scene.input.KeyEvent.KEY_PRESSED,
                    "", "", javafx.scene.input.KeyCode.ESCAPE, false, false, false, false)); return null; });
            Thread.sleep(1_200);
            var shot = fx(() -> window.scene().snapshot(null));
            int w = (int) shot.getWidth();
            int h = (int) shot.getHeight();
            var pixels = new int[w * h];
            shot.getPixelReader().getPixels(0, 0, w, h, PixelFormat.getIntArgbInstance(), pixels, 0, w);
            var image = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
            image.setRGB(0, 0, w, h, pixels, 0, w);
            Files.createDirectories(out.toAbsolutePath().getParent());
            ImageIO.write(image, "png", out.toFile());
            System.out.println("saved " + out.toAbsolutePath());
        }
        fx(() -> { window.shutdown(); return null; });
        Platform.exit();
        System.exit(0);
    }

    private static void share(ParleyClient client, Path file, String mime) throws Exception {
        var sha = client.files().upload(file, null, client.fileUploads().token(), FileTransfers.Progress.NONE).sha256();
        client.shareInRoom("lobby", new Message.FileInfo(sha, file.getFileName().toString(), null, mime, null, null, null, null), "");
    }

    /// A photo-like picture of a whiteboard: a few sticky notes and a burndown line.
    private static Path whiteboard(Path file) throws Exception {
        var image = new BufferedImage(1200, 800, BufferedImage.TYPE_INT_RGB);
        var g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(new Color(0xF4F1EA));
        g.fillRect(0, 0, 1200, 800);
        g.setColor(new Color(0x2B3A55));
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 54));
        g.drawString("Sprint 14 — plan", 70, 110);
        var notes = new Color[] {new Color(0xFFE066), new Color(0x8CE99A), new Color(0x74C0FC), new Color(0xFFA8A8)};
        var words = new String[] {"Files & images", "Side list", "Search", "Notifications"};
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 30));
        for (int i = 0; i < 4; i++) {
            g.setColor(notes[i]);
            g.fillRoundRect(70 + i * 270, 170, 230, 170, 12, 12);
            g.setColor(new Color(0x333333));
            g.drawString(words[i], 88 + i * 270, 265);
        }
        g.setStroke(new BasicStroke(6));
        g.setColor(new Color(0x2B3A55));
        g.drawLine(90, 720, 1120, 720);
        g.drawLine(90, 720, 90, 420);
        g.setColor(new Color(0xE03131));
        int[] xs = {90, 240, 390, 540, 690, 840, 990, 1120};
        int[] ys = {430, 470, 500, 560, 590, 640, 680, 710};
        g.drawPolyline(xs, ys, xs.length);
        g.dispose();
        ImageIO.write(image, "png", file.toFile());
        return file;
    }

    private static void say(ParleyWindow window, String text) throws Exception {
        fx(() -> {
            window.model().input().textProperty().set(text);
            return window.model().input().send();
        });
    }
}
