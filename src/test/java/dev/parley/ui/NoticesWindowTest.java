package dev.parley.ui;

import static dev.parley.ui.WindowFixture.fx;
import static dev.parley.ui.WindowFixture.until;
import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.client.ConnectionState;
import dev.parley.ui.notify.NotificationDesktop;
import dev.parley.ui.notify.Notifiers;
import java.nio.file.Files;
import javafx.stage.Stage;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;

/// The window's notices against a real server and a real notification service (dunst on a
/// private bus under Xvfb): the title counts unread messages, and a message that arrives while
/// the window is not focused becomes a desktop notification, and a room seen is no longer counted.
class NoticesWindowTest extends RemoteWindowTest {

    private Stage stage;

    @Start
    void start(Stage stage) throws Exception {
        this.stage = stage;
        open(stage);
    }

    @Test
    void titleCountsUnreadAndAnUnfocusedWindowNotifiesOnTheDesktop(FxRobot robot) throws Exception {
        var missing = NotificationDesktop.missingTools();
        org.junit.jupiter.api.Assumptions.assumeTrue(missing.isEmpty()
                || !"absent".equals(System.getProperty(NotificationDesktop.PROPERTY)), "no notification desktop here");
        assertThat(missing).as("tools for the notification desktop (apt-get install xvfb dbus dunst)").isEmpty();
        try (var desktop = NotificationDesktop.start(Files.createTempDirectory("parley-notices"))) {
            System.setProperty(Notifiers.BUS_PROPERTY, desktop.address());
            startRemote();
            fx(() -> { window.model().join().addressProperty().set("127.0.0.1:" + remote.port()); return window.model().join().join(); });
            until("connected", () -> window.model().status().stateProperty().get() == ConnectionState.CONNECTED);
            fx(() -> window.model().conversations().join("random"));
            until("in random", () -> window.model().conversations().conversations().stream().anyMatch(r -> r.id().equals("random")));

            fx(() -> { window.model().conversations().select("lobby"); return null; });

            try (var bob = WindowFixture.Peer.join(remote.localUri(), "bob")) {
                bob.client().join("random");
                bob.client().sendChat("random", "over here");
                until("the title counts a message in a room not on screen", () -> stage.getTitle().equals("(1) Parley"));
                bob.client().sendChat("lobby", "seen at once");
                until("in the log", () -> WindowFixture.logTexts(window, "lobby").contains("seen at once"));
                assertThat(fx(stage::getTitle)).isEqualTo("(1) Parley");

                // JavaFX's headless platform keeps every stage focused; a desktop reports the focus
                // going to another window through the stage's focused property, which ends here.
                fx(() -> { window.notices().focused(false); return null; });
                bob.client().sendChat("lobby", "ann, lunch?");
                until("the title counts it", () -> stage.getTitle().equals("(2) Parley"));
                Awaitility.await("on the desktop").atMost(WindowFixture.WAIT)
                        .until(() -> desktop.ctl("count", "displayed").strip().equals("2"));
                desktop.ctl("close-all");
                assertThat(desktop.ctl("history")).contains("bob in random", "over here", "bob mentioned you in lobby", "ann, lunch?")
                        .doesNotContain("seen at once");

                fx(() -> { window.notices().focused(true); return null; });
                until("the lobby is seen", () -> stage.getTitle().equals("(1) Parley"));
                fx(() -> { window.model().conversations().select("random"); return null; });
                until("all seen", () -> stage.getTitle().equals("Parley"));
            }
        } finally {
            System.clearProperty(Notifiers.BUS_PROPERTY);
        }
    }
}
