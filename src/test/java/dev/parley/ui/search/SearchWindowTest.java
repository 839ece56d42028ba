package dev.parley.ui.search;

import dev.parley.ui.ParleyWindow;
import dev.parley.ui.WindowFixture;
import dev.parley.ui.log.LogLine;
import static dev.parley.ui.WindowFixture.fx;
import static dev.parley.ui.WindowFixture.until;
import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.protocol.Message.Chat;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/// The real window hosting with its history in SQLite in a temp folder: Ctrl+F, type, see the
/// stored message, choose it to go back to its room.
@ExtendWith(ApplicationExtension.class)
@Timeout(90)
class SearchWindowTest {

    private ParleyWindow window;

    @Start
    void start(Stage stage) throws Exception {
        window = WindowFixture.open(stage, "ann", WindowFixture.freePort());
    }

    @AfterEach
    void stop() {
        WindowFixture.shutdown(window);
    }

    @SuppressWarnings("unchecked")
    private static ListView<Chat> results(FxRobot robot) {
        return robot.lookup("#searchResults").queryAs(ListView.class);
    }

    @Test
    void typingInTheSearchFieldShowsStoredMessagesAndChoosingOneShowsItsRoom(FxRobot robot) {
        robot.clickOn("#hostToggle");
        until("connected to the own room", () -> window.model().status().stateProperty().get()
                == dev.parley.client.ConnectionState.CONNECTED);
        robot.clickOn("#input").write("Lunch meeting at noon");
        robot.type(KeyCode.ENTER);
        until("message stored", () -> window.model().log().lines("lobby").stream()
                .anyMatch(l -> l.text().equals("Lunch meeting at noon") && l.status() == LogLine.Status.SENT));
        // The rooms pane may be scrolled out of sight in the side bar; join through its model.
        fx(() -> window.model().conversations().join("dev"));
        until("in dev", () -> "dev".equals(window.model().conversations().active()));

        robot.press(KeyCode.CONTROL, KeyCode.F).release(KeyCode.F, KeyCode.CONTROL);
        assertThat(fx(() -> robot.lookup("#searchField").queryAs(TextField.class).isFocused())).isTrue();
        robot.write("MEETING");

        until("one result", () -> results(robot).getItems().size() == 1);
        assertThat(fx(() -> results(robot).getItems().getFirst().text())).isEqualTo("Lunch meeting at noon");
        assertThat(fx(() -> robot.lookup("#searchStatus").queryAs(Label.class).getText())).isEqualTo("1 message");
        until("the match highlighted", () -> !robot.lookup(".search-match").queryAll().isEmpty());

        robot.clickOn(".search-text");
        until("back in the lobby", () -> "lobby".equals(window.model().conversations().active()));
        // The log scrolled to the found line and selected it.
        until("the found line selected", () -> {
            var log = robot.lookup("#logList").queryListView();
            var selected = log.getSelectionModel().getSelectedItem();
            return selected instanceof LogLine line && line.text().equals("Lunch meeting at noon");
        });
    }
}
