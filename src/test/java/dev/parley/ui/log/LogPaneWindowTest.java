package dev.parley.ui.log;

import dev.parley.ui.RemoteWindowTest;
import dev.parley.ui.WindowFixture;
import static dev.parley.ui.WindowFixture.fx;
import static dev.parley.ui.WindowFixture.until;
import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.client.ConnectionState;
import javafx.geometry.VerticalDirection;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.skin.VirtualFlow;
import org.junit.jupiter.api.Test;
import javafx.stage.Stage;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;

/// The log pane against a real server: follows new lines, stops following when scrolled up and
/// offers "new messages" instead, and lets long messages wrap onto more lines.
class LogPaneWindowTest extends RemoteWindowTest {

    private static final String LONG = "This message is long enough to need more than one line in the log pane, "
            .repeat(4).strip();

    private static VirtualFlow<?> flow(FxRobot robot) {
        return (VirtualFlow<?>) robot.lookup("#logList .virtual-flow").query();
    }

    private static boolean lastLineVisible(FxRobot robot) {
        var list = robot.lookup("#logList").queryAs(ListView.class);
        var last = flow(robot).getLastVisibleCell();
        return last != null && last.getIndex() == list.getItems().size() - 1;
    }

    @Start
    void start(Stage stage) throws Exception {
        open(stage);
    }

    @Test
    void followsNewLinesUntilScrolledUpThenOffersNewMessages(FxRobot robot) throws Exception {
        startRemote();
        fx(() -> { window.model().join().addressProperty().set("127.0.0.1:" + remote.port()); return window.model().join().join(); });
        until("connected", () -> window.model().status().stateProperty().get() == ConnectionState.CONNECTED);

        try (var bob = WindowFixture.Peer.join(remote.localUri(), "bob")) {
            for (int i = 1; i <= 30; i++) {
                bob.client().sendChat("lobby", "line " + i);
            }
            bob.client().sendChat("lobby", LONG);
            until("all lines in", () -> WindowFixture.logTexts(window, "lobby").contains(LONG));
            until("the newest line is visible", () -> lastLineVisible(robot));
            assertThat(fx(() -> robot.lookup("#newMessages").query().isVisible())).isFalse();

            // Long text wraps: its cell is taller than a one-line cell.
            until("cells laid out", () -> cellHeight(robot, LONG) > 0 && cellHeight(robot, "line 30") > 0);
            assertThat(fx(() -> cellHeight(robot, LONG))).isGreaterThan(fx(() -> cellHeight(robot, "line 30")) * 1.5);

            robot.moveTo("#logList").scroll(40, VerticalDirection.UP);
            until("scrolled up", () -> !lastLineVisible(robot));
            bob.client().sendChat("lobby", "are you there?");
            until("new messages offered", () -> robot.lookup("#newMessages").query().isVisible());
            assertThat(fx(() -> lastLineVisible(robot))).isFalse();

            robot.clickOn("#newMessages");
            until("back at the newest line", () -> lastLineVisible(robot));
            until("offer gone", () -> !robot.lookup("#newMessages").query().isVisible());
        }
    }

    private static double cellHeight(FxRobot robot, String text) {
        return robot.lookup("#logList .list-cell").queryAllAs(ListCell.class).stream()
                .filter(c -> c.getItem() instanceof LogLine line && line.text().equals(text))
                .mapToDouble(ListCell::getHeight).findFirst().orElse(0);
    }
}
