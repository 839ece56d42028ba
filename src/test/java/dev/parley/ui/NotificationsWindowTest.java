package dev.parley.ui;

import static dev.parley.ui.WindowFixture.fx;
import static dev.parley.ui.WindowFixture.until;
import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.client.ConnectionState;
import dev.parley.protocol.Message;
import dev.parley.ui.notify.NotifySettings;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javafx.scene.Node;
import javafx.scene.control.ListCell;
import javafx.scene.control.TextArea;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;

/// The notification choices and what a message shows, in the real window against a real server
/// with a second real client: a muted room neither counts nor notifies unless it names you (kept
/// in the data folder), a mention is highlighted, a web address is handed to the browser opener,
/// away and "Do not disturb" travel as presence both ways, and `@` + Tab completes a name.
class NotificationsWindowTest extends RemoteWindowTest {

    private final List<URI> opened = new CopyOnWriteArrayList<>();
    private Stage stage;
    private Path data;

    @Start
    void start(Stage stage) throws Exception {
        this.stage = stage;
        data = java.nio.file.Files.createTempDirectory("parley-notifications");
        var settings = new dev.parley.ui.common.Settings();
        settings.name("ann");
        settings.port(WindowFixture.freePort());
        settings.language("en");
        settings.size(1100, 720);
        window = ParleyWindow.open(stage, settings, data);
        WindowFixture.fullSize(stage);
        window.links(opened::add);
    }

    private void joinRemote() throws Exception {
        startRemote();
        fx(() -> { window.model().join().addressProperty().set("127.0.0.1:" + remote.port()); return window.model().join().join(); });
        until("connected", () -> window.model().status().stateProperty().get() == ConnectionState.CONNECTED);
    }

    private static ListCell<?> conversationCell(FxRobot robot, String id) {
        return robot.lookup("#conversationsList .list-cell").queryAllAs(ListCell.class).stream()
                .filter(c -> c.getItem() instanceof dev.parley.ui.conversation.ConversationRow row && row.id().equals(id))
                .findFirst().orElseThrow();
    }

    private static List<Node> logLines(FxRobot robot, String text) {
        return robot.lookup("#logList .log-line").queryAll().stream()
                .filter(n -> ((javafx.scene.control.ListCell<?>) n.getParent()).getItem() instanceof dev.parley.ui.log.LogLine line
                        && line.text().equals(text))
                .toList();
    }

    @Test
    void aMutedRoomIsQuietUnlessItNamesYouAndTheChoiceIsKept(FxRobot robot) throws Exception {
        joinRemote();
        fx(() -> window.model().conversations().join("random"));
        until("in random", () -> window.model().conversations().conversations().stream().anyMatch(r -> r.id().equals("random")));
        fx(() -> { window.model().conversations().select("lobby"); return null; });

        robot.clickOn(conversationCell(robot, "random"), MouseButton.SECONDARY);
        robot.clickOn("Mute notifications");
        until("random muted", () -> window.notices().settings().muted("random"));
        org.awaitility.Awaitility.await("kept in the data folder").atMost(WindowFixture.WAIT)
                .until(() -> NotifySettings.load(data).muted("random"));

        try (var bob = WindowFixture.Peer.join(remote.localUri(), "bob")) {
            bob.client().join("random");
            bob.client().sendChat("random", "muted chatter");
            bob.client().sendChat("lobby", "marker");
            until("both arrived", () -> WindowFixture.logTexts(window, "lobby").contains("marker")
                    && WindowFixture.logTexts(window, "random").contains("muted chatter"));
            assertThat(fx(stage::getTitle)).isEqualTo("Parley");

            bob.client().sendChat("random", "ann, a word?");
            until("a mention in the muted room counts", () -> stage.getTitle().equals("(1) Parley"));
        }

        robot.clickOn(conversationCell(robot, "random"), MouseButton.SECONDARY);
        robot.clickOn("Mute notifications");
        until("unmuted", () -> !window.notices().settings().muted("random"));
    }

    @Test
    void aMessageNamingYouIsHighlightedAndItsAddressOpensThroughTheOpener(FxRobot robot) throws Exception {
        joinRemote();
        try (var bob = WindowFixture.Peer.join(remote.localUri(), "bob")) {
            bob.client().sendChat("lobby", "Ann: notes at https://example.org/notes?id=7, javascript:alert(1) is not a link");
            bob.client().sendChat("lobby", "nothing for anyone, annex B");
            until("both shown", () -> logLines(robot, "nothing for anyone, annex B").size() == 1);

            var mention = logLines(robot, "Ann: notes at https://example.org/notes?id=7, javascript:alert(1) is not a link");
            assertThat(mention).hasSize(1);
            assertThat(mention.getFirst().getStyleClass()).contains("mention");
            assertThat(logLines(robot, "nothing for anyone, annex B").getFirst().getStyleClass()).doesNotContain("mention");

            var links = robot.from(mention.getFirst()).lookup(".message-link").queryAllAs(Text.class);
            assertThat(links).extracting(Text::getText).containsExactly("https://example.org/notes?id=7");
            robot.clickOn(links.iterator().next());
            until("handed to the opener", () -> !opened.isEmpty());
            assertThat(opened).containsExactly(URI.create("https://example.org/notes?id=7"));
        }
    }

    @Test
    void awayAndDoNotDisturbTravelAsPresenceBothWays(FxRobot robot) throws Exception {
        joinRemote();
        try (var bob = WindowFixture.Peer.join(remote.localUri(), "bob")) {
            until("bob listed", () -> memberNames(robot).contains("bob"));
            bob.client().status("away");
            until("bob shown away", () -> memberNames(robot).contains("bob · away"));

            robot.clickOn("#noticeMenu");
            robot.clickOn("Do not disturb");
            assertThat(fx(() -> robot.lookup("#noticeMenu").queryAs(javafx.scene.control.MenuButton.class).getText()))
                    .isEqualTo("Do not disturb");
            org.awaitility.Awaitility.await("bob sees ann as do not disturb").atMost(WindowFixture.WAIT)
                    .until(() -> bob.client().members("lobby").stream()
                            .anyMatch(m -> m.clientId().equals("ann") && m.status().equals("dnd")));
            until("and the window itself too", () -> memberNames(robot).contains("ann (you) · do not disturb"));
            assertThat(fx(() -> window.notices().settings().doNotDisturb())).isTrue();

            robot.clickOn("#noticeMenu");
            robot.clickOn("Available");
            org.awaitility.Awaitility.await("back").atMost(WindowFixture.WAIT)
                    .until(() -> bob.client().members("lobby").stream()
                            .anyMatch(m -> m.clientId().equals("ann") && m.status().equals(Message.Member.ONLINE)));
        }
    }

    @Test
    void atAndTabCompletesAMembersName(FxRobot robot) throws Exception {
        joinRemote();
        try (var bob = WindowFixture.Peer.join(remote.localUri(), "bobby")) {
            until("bobby listed", () -> memberNames(robot).contains("bobby"));
            robot.clickOn("#input").write("thanks @bo").type(KeyCode.TAB).write("see you");
            assertThat(fx(() -> robot.lookup("#input").queryAs(TextArea.class).getText())).isEqualTo("thanks @bobby see you");
        }
    }

    private static List<String> memberNames(FxRobot robot) {
        return robot.lookup("#membersList .member-name").queryAllAs(javafx.scene.control.Label.class).stream()
                .map(javafx.scene.control.Label::getText).toList();
    }
}
