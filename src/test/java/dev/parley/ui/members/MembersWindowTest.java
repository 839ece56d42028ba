package dev.parley.ui.members;

import dev.parley.ui.RemoteWindowTest;
import dev.parley.ui.WindowFixture;
import static dev.parley.ui.WindowFixture.fx;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.parley.client.ConnectionState;
import dev.parley.protocol.Limits;
import dev.parley.server.Crowd;
import dev.parley.server.ParleyServer;
import dev.parley.server.ServerConfig;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import javafx.animation.AnimationTimer;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;

/// The member list of the real window while 2,000 members arrive in its room: every one listed
/// and counted, with a screenful of cells (virtualized), and the window drawing frames all along.
@Timeout(value = 240, unit = TimeUnit.SECONDS)
class MembersWindowTest extends RemoteWindowTest {

    private static final int CROWD = 2_000;

    @Start
    void start(Stage stage) throws Exception {
        open(stage);
    }

    @Test
    void twoThousandArrivalsAreListedInOrderWhileTheWindowKeepsDrawing(FxRobot robot) throws Exception {
        var limits = Limits.DEFAULTS.withRate(0, 0).withConnections(3 * CROWD, 3 * CROWD);
        remote = ParleyServer.start(ServerConfig.forTests().withLimits(limits));
        fx(() -> { window.model().join().addressProperty().set("127.0.0.1:" + remote.port()); return window.model().join().join(); });
        WindowFixture.until("connected", () -> window.model().status().stateProperty().get() == ConnectionState.CONNECTED);

        // The longest wait between two frames while the crowd arrives.
        var last = new AtomicLong();
        var longest = new AtomicLong();
        var frames = new AnimationTimer() {
            @Override
            public void handle(long now) {
                long before = last.getAndSet(now);
                if (before != 0) {
                    longest.accumulateAndGet(now - before, Math::max);
                }
            }
        };
        fx(() -> { frames.start(); return null; });
        try (var crowd = new Crowd(remote.localUri(), "lobby", "m", CROWD, 1, 64)) {
            crowd.join();
            await("all listed").atMost(Duration.ofSeconds(150)).pollInterval(Duration.ofMillis(200))
                    .until(() -> fx(() -> window.model().members().countProperty().get()) == CROWD + 1);
            fx(() -> { frames.stop(); return null; });

            var list = robot.lookup("#membersList").queryAs(ListView.class);
            assertThat(fx(() -> list.getItems().size())).isEqualTo(CROWD + 1);
            assertThat(fx(() -> robot.lookup("#headerCount").queryLabeled().getText())).contains("2,001");
            assertThat(fx(() -> window.model().members().members().stream().map(MemberRow::clientId).toList()))
                    .isSortedAccordingTo(String.CASE_INSENSITIVE_ORDER);
            assertThat(fx(() -> robot.lookup("#membersList .list-cell").queryAllAs(ListCell.class).size()))
                    .as("cells for the visible rows only").isLessThan(100);
            // Generous: this JVM also runs the server and the 2,000 connections, on two cores that
            // other builds share; a window that rebuilt its list per change would stall far longer.
            assertThat(TimeUnit.NANOSECONDS.toMillis(longest.get())).as("longest frame gap, ms").isLessThan(10_000);
        }
    }
}
