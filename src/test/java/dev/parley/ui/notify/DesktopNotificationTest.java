package dev.parley.ui.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.freedesktop.dbus.exceptions.DBusException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/// The Linux path end to end: the notification logic decides, [DbusNotifier] sends over a real
/// (private) D-Bus session bus, and the dunst daemon under Xvfb shows it; `dunstctl` reads back
/// what dunst showed and clicks a notification.
@Timeout(60)
class DesktopNotificationTest {

    @TempDir
    static Path dir;
    private static NotificationDesktop desktop;

    @BeforeAll
    static void startDesktop() throws Exception {
        var missing = NotificationDesktop.missingTools();
        if (!missing.isEmpty()) {
            Assumptions.assumeFalse("absent".equals(System.getProperty(NotificationDesktop.PROPERTY)),
                    "this environment has no notification desktop (-D" + NotificationDesktop.PROPERTY + "=absent)");
            throw new AssertionError("the desktop notification test needs " + missing
                    + " (apt-get install xvfb dbus dunst; .ci/run installs them), or -D"
                    + NotificationDesktop.PROPERTY + "=absent where they cannot be had");
        }
        desktop = NotificationDesktop.start(dir);
    }

    @AfterAll
    static void stopDesktop() throws Exception {
        if (desktop != null) {
            desktop.close();
        }
    }

    @Test
    void unfocusedWindowNotifiesMutedRoomOnlyForMentionsAndClickOpensTheConversation() throws Exception {
        var clicks = new ArrayBlockingQueue<String>(4);
        try (var notifier = DbusNotifier.atAddress(desktop.address())) {
            notifier.onClick(clicks::add);
            var settings = new NotifySettings();
            settings.mute("quiet", true);
            var policy = new NotifyPolicy(settings, new UnreadCounts(total -> { }), Words.bundle(Locale.ENGLISH),
                    (delay, action) -> () -> { }, java.time.Clock.systemUTC(), alert -> notifier.show(alert.title(), alert.body(), alert.conversation()));
            policy.self("bob");
            policy.showing("lobby");
            policy.focused(false);

            policy.message(Incoming.room("lobby", "alice", "lunch at noon?", false));
            policy.message(Incoming.room("quiet", "alice", "muted chatter nobody asked for", false));
            policy.message(Incoming.room("quiet", "alice", "Bob, the build is green", false));
            policy.message(Incoming.room("lobby", "bob", "my own words", true));

            await().atMost(Duration.ofSeconds(10)).until(() -> desktop.ctl("count", "displayed").strip().equals("2"));
            desktop.ctl("close-all");
            var history = desktop.ctl("history");
            assertThat(history)
                    .contains("alice in lobby", "lunch at noon?")
                    .contains("alice mentioned you in quiet", "Bob, the build is green")
                    .doesNotContain("muted chatter")
                    .doesNotContain("my own words");

            policy.message(Incoming.direct("carol", "carol", "are you there?", false));
            await().atMost(Duration.ofSeconds(10)).until(() -> desktop.ctl("count", "displayed").strip().equals("1"));
            desktop.ctl("action", "0");
            assertThat(clicks.poll(10, TimeUnit.SECONDS)).isEqualTo(Incoming.directKey("carol"));
        }
    }

    @Test
    void aBusWithoutANotificationServiceIsRefusedSoTheWindowFallsBack() throws Exception {
        var bare = new ProcessBuilder("dbus-daemon", "--session", "--nofork", "--print-address=1",
                "--address=unix:path=" + dir.resolve("bare-bus")).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        try {
            var address = new java.io.BufferedReader(new java.io.InputStreamReader(bare.getInputStream())).readLine();
            assertThatThrownBy(() -> DbusNotifier.atAddress(address)).isInstanceOf(DBusException.class);
        } finally {
            bare.destroy();
            bare.waitFor(5, TimeUnit.SECONDS);
        }
    }
}
