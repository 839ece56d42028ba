package dev.parley.ui.notify;

import java.awt.Rectangle;
import java.awt.Robot;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;

/// Dev helper, not a test: shows Parley's notifications in dunst under Xvfb (as
/// [DesktopNotificationTest] does) and saves the top right corner of the screen as a PNG.
/// `java -cp target/classes:target/test-classes:$(cat cp.txt) dev.parley.ui.notify.NotificationScreenshot assets/notification.png`
public final class NotificationScreenshot {

    private NotificationScreenshot() {}

    public static void main(String[] args) throws Exception {
        var out = Path.of(args.length > 0 ? args[0] : "assets/notification.png").toAbsolutePath();
        var dir = Files.createTempDirectory("parley-notification");
        try (var desktop = NotificationDesktop.start(dir); var notifier = DbusNotifier.atAddress(desktop.address())) {
            var policy = new NotifyPolicy(new NotifySettings(), new UnreadCounts(total -> { }), Words.bundle(Locale.ENGLISH),
                    (delay, action) -> () -> { }, java.time.Clock.systemUTC(), alert -> notifier.show(alert.title(), alert.body(), alert.conversation()));
            policy.self("Ann");
            policy.focused(false);
            policy.message(Incoming.room("lobby", "Li Wei", "Ann, the release notes are ready for review: https://intranet.example/notes", false));
            policy.message(Incoming.direct("Bo", "Bo", "Lunch at noon? The new place downstairs.", false));
            Thread.sleep(1000); // dunst draws on its own schedule; nothing to ask it about being drawn
            var grab = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", System.getProperty("java.class.path"), Grab.class.getName(), out.toString())
                    .inheritIO();
            grab.environment().put("DISPLAY", desktop.display());
            var process = grab.start();
            process.waitFor(30, TimeUnit.SECONDS);
        }
        System.out.println("saved " + out);
    }

    /// Runs in its own JVM with `DISPLAY` set to the test desktop: AWT reads it only at start.
    public static final class Grab {
        public static void main(String[] args) throws Exception {
            var screen = java.awt.Toolkit.getDefaultToolkit().getScreenSize();
            var area = new Rectangle(screen.width - 470, 0, 470, 184);
            ImageIO.write(new Robot().createScreenCapture(area), "png", new File(args[0]));
        }
    }
}
