package dev.parley.ui.connect;

import dev.parley.ui.RemoteWindowTest;
import static dev.parley.ui.WindowFixture.fx;
import static dev.parley.ui.WindowFixture.until;
import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.client.ConnectionState;
import dev.parley.discovery.DiscoveredRoom;
import dev.parley.server.ParleyServer;
import dev.parley.server.ServerConfig;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.PasswordField;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;

/// The Join pane's "Rooms on your network", in the real window. Rooms are told to the window
/// through the listener its real LAN browser reports to, from a thread of the test (discovery
/// is off in tests: nothing multicasts); they point at a real server on loopback.
class NearbyWindowTest extends RemoteWindowTest {

    @Start
    void start(Stage stage) throws Exception {
        open(stage);
    }

    private static DiscoveredRoom announced(String name, ParleyServer server, int members, boolean password) {
        return DiscoveredRoom.of(name, "127.0.0.1", server.port(), List.of("lobby"), members, password, false, "");
    }

    private static Node row(FxRobot robot, String name) {
        return robot.lookup(".nearby-room").match(node -> node instanceof ListCell<?> cell && cell.getItem() instanceof DiscoveredRoom room
                && room.name().equals(name)).query();
    }

    @Test
    void aRoomFoundOnTheNetworkIsListedFollowsUpdatesAndOneClickJoinsIt(FxRobot robot) throws Exception {
        startRemote();
        until("browser started", () -> window.model().nearbyListener() != null);
        var listener = fx(() -> window.model().nearbyListener());
        var rooms = robot.lookup("#nearbyRooms").queryAs(ListView.class);
        assertThat(fx(() -> ((Label) rooms.getPlaceholder()).getText())).startsWith("No rooms found on your network yet.");

        Thread.ofPlatform().start(() -> {
            listener.roomFound(announced("bob", remote, 1, false));
            listener.roomFound(announced("carol", remote, 0, false));
            listener.roomUpdated(announced("bob", remote, 3, false));
            listener.roomLost(announced("carol", remote, 0, false));
        }).join();
        until("bob listed once, with his new count", () -> rooms.getItems().size() == 1
                && ((DiscoveredRoom) rooms.getItems().getFirst()).members() == 3);
        assertThat(fx(() -> labels(row(robot, "bob")))).contains("bob", "127.0.0.1:" + remote.port(), "3 people");
        assertThat(fx(() -> row(robot, "bob").lookup(".room-lock"))).as("no lock on an open room").isNull();

        robot.clickOn(row(robot, "bob"));
        until("connected", () -> window.model().status().stateProperty().get() == ConnectionState.CONNECTED);
        assertThat(fx(() -> window.model().join().addressProperty().get())).isEqualTo("ws://127.0.0.1:" + remote.port() + "/ws");
    }

    @Test
    void aRoomWithAPasswordShowsALockAndAsksForThePasswordBeforeJoining(FxRobot robot) throws Exception {
        remote = ParleyServer.start(ServerConfig.forTests().withPassword("s3cret"));
        until("browser started", () -> window.model().nearbyListener() != null);
        var listener = fx(() -> window.model().nearbyListener());
        listener.roomFound(announced("ann's den", remote, 2, true));
        until("listed", () -> robot.lookup(".nearby-room").match(n -> ((ListCell<?>) n).getItem() != null).tryQuery().isPresent());
        assertThat(fx(() -> labels(row(robot, "ann's den")))).contains("ann's den", "2 people");
        assertThat(fx(() -> row(robot, "ann's den").lookup(".room-lock"))).as("a lock on the locked room").isNotNull();

        robot.clickOn(row(robot, "ann's den"));
        until("asks for the password", () -> robot.lookup("#joinPassword").queryAs(PasswordField.class).isFocused());
        assertThat(fx(() -> window.i18n().note(window.model().join().errorProperty()).get()))
                .isEqualTo("\"ann's den\" needs a password: type it and press Join.");
        assertThat(fx(() -> window.model().status().stateProperty().get())).isNotEqualTo(ConnectionState.CONNECTED);

        robot.write("s3cret");
        robot.clickOn(row(robot, "ann's den"));
        until("connected with the password", () -> window.model().status().stateProperty().get() == ConnectionState.CONNECTED);
    }

    private static List<String> labels(Node node) {
        return node.lookupAll(".label").stream().map(label -> ((Label) label).getText()).toList();
    }
}
