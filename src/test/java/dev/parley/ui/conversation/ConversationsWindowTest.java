package dev.parley.ui.conversation;

import static dev.parley.ui.WindowFixture.fx;
import static dev.parley.ui.WindowFixture.until;
import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.client.ClientEvent;
import dev.parley.client.ConnectionState;
import dev.parley.ui.RemoteWindowTest;
import dev.parley.ui.WindowFixture;
import dev.parley.ui.log.LogLine;
import dev.parley.ui.members.MemberRow;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;

/// The real window ("ann") on a real server with a second person ("bob", the client library):
/// private conversations from the member list, their unread counts and typing, the keys that
/// move between conversations, the connect view, and what a screen reader reads.
class ConversationsWindowTest extends RemoteWindowTest {

    @Start
    void start(Stage stage) throws Exception {
        open(stage);
    }

    private void join(FxRobot robot) throws Exception {
        startRemote();
        assertThat(fx(() -> robot.lookup("#connectView").query().isVisible())).as("the connect view first").isTrue();
        assertThat(fx(() -> robot.lookup("#firstRunHint").queryAs(Label.class).getText())).contains("host a room");
        robot.clickOn("#joinAddress").write("127.0.0.1:" + remote.port());
        robot.clickOn("#joinButton");
        until("connected", () -> window.model().status().stateProperty().get() == ConnectionState.CONNECTED);
    }

    private static Node memberCell(FxRobot robot, String name) {
        return robot.lookup("#membersList .list-cell")
                .match((ListCell<?> cell) -> cell.getItem() instanceof MemberRow row && row.clientId().equals(name))
                .tryQuery().orElse(null);
    }

    private ConversationRow row(String id) {
        return window.model().conversations().conversations().stream().filter(r -> r.id().equals(id)).findFirst().orElse(null);
    }

    @Test
    void clickingAMemberOpensAPrivateConversationWithTypingAndUnreadCounts(FxRobot robot) throws Exception {
        join(robot);
        try (var bob = WindowFixture.Peer.join(remote.localUri(), "bob")) {
            var bobCell = new java.util.concurrent.atomic.AtomicReference<Node>();
            until("bob listed", () -> { bobCell.set(memberCell(robot, "bob")); return bobCell.get() != null; });
            robot.clickOn(bobCell.get());
            until("the private conversation is open", () -> "@bob".equals(window.model().conversations().active()));

            robot.clickOn("#input").write("just between us");
            robot.type(KeyCode.ENTER);
            var got = bob.next(ClientEvent.LineAdded.class, added -> added.line().conversation().equals("@ann"));
            assertThat(got.line().text()).isEqualTo("just between us");

            bob.client().typingTo("ann");
            until("ann sees bob typing", () -> robot.lookup("#typingNote").queryAs(Label.class).getText().equals("bob is typing…"));
            assertThat(fx(() -> row("@bob").typing())).isEqualTo("bob");
            bob.client().sendDm("ann", "sure");
            until("typing clears with bob's message", () -> row("@bob").typing() == null
                    && robot.lookup("#typingNote").queryAs(Label.class).getText().isEmpty());
            until("bob's answer in the private log", () -> WindowFixture.logTexts(window, "@bob").contains("sure"));

            fx(() -> { window.model().conversations().select("lobby"); return null; });
            bob.client().sendDm("ann", "and one more");
            until("an unread count on the private conversation", () -> row("@bob").unread() == 1);
            assertThat(fx(() -> row("lobby").unread())).isZero();
            var cell = robot.lookup("#conversationsList .list-cell")
                    .match((ListCell<?> c) -> c.getItem() instanceof ConversationRow r && r.id().equals("@bob"))
                    .queryAs(ListCell.class);
            assertThat(fx(cell::getAccessibleText)).isEqualTo("Private conversation with bob, 1 unread message");
        }
    }

    @Test
    void aPrivateMessageFromSomeoneElseAppearsWithItsUnreadCount(FxRobot robot) throws Exception {
        join(robot);
        try (var bob = WindowFixture.Peer.join(remote.localUri(), "bob")) {
            until("bob listed", () -> window.model().members().members().stream().anyMatch(m -> m.clientId().equals("bob")));
            bob.client().sendDm("ann", "psst");
            until("the conversation appears with one unread", () -> row("@bob") != null && row("@bob").unread() == 1);
            assertThat(fx(() -> window.model().conversations().active())).isEqualTo("lobby");
            bob.client().typingTo("ann");
            until("typing… in bob's row", () -> "bob".equals(row("@bob").typing()));
            until("typing stops showing after a few seconds", () -> row("@bob").typing() == null);
        }
    }

    @Test
    void ctrlKJumpsAltUpAndDownMoveEscClosesAndLeaveReturnsToTheConnectView(FxRobot robot) throws Exception {
        join(robot);
        assertThat(fx(() -> robot.lookup("#connectView").query().isVisible())).as("connect view hidden once connected").isFalse();
        assertThat(fx(() -> robot.lookup("#chatView").query().isVisible())).isTrue();
        fx(() -> window.model().conversations().join("design"));
        fx(() -> window.model().conversations().openPrivate("carol"));
        fx(() -> { window.model().conversations().select("lobby"); return null; });

        robot.clickOn("#input");
        robot.press(KeyCode.CONTROL, KeyCode.K).release(KeyCode.K, KeyCode.CONTROL);
        until("the jump box shows", () -> robot.lookup("#jumpBox").query().isVisible());
        robot.write("car");
        robot.type(KeyCode.ENTER);
        until("carol's conversation is shown", () -> "@carol".equals(window.model().conversations().active()));
        assertThat(fx(() -> robot.lookup("#jumpBox").query().isVisible())).isFalse();

        robot.press(KeyCode.ALT, KeyCode.UP).release(KeyCode.UP, KeyCode.ALT);
        until("up to design", () -> "design".equals(window.model().conversations().active()));
        robot.press(KeyCode.ALT, KeyCode.DOWN).release(KeyCode.DOWN, KeyCode.ALT);
        robot.press(KeyCode.ALT, KeyCode.DOWN).release(KeyCode.DOWN, KeyCode.ALT);
        until("round to the lobby", () -> "lobby".equals(window.model().conversations().active()));

        robot.press(KeyCode.CONTROL, KeyCode.K).release(KeyCode.K, KeyCode.CONTROL);
        until("the jump box shows again", () -> robot.lookup("#jumpBox").query().isVisible());
        robot.type(KeyCode.ESCAPE);
        until("Esc closes it", () -> !robot.lookup("#jumpBox").query().isVisible());

        robot.clickOn("#leave");
        until("back to the connect view", () -> robot.lookup("#connectView").query().isVisible()
                && !robot.lookup("#chatView").query().isVisible());
        assertThat(fx(() -> window.model().status().stateProperty().get())).isEqualTo(ConnectionState.DISCONNECTED);
    }

    @Test
    void aScreenReaderReadsEachLogLineAsSenderTimeAndText(FxRobot robot) throws Exception {
        join(robot);
        try (var bob = WindowFixture.Peer.join(remote.localUri(), "bob")) {
            bob.client().sendChat("lobby", "hello there");
            until("bob's line shown", () -> logCell(robot, "hello there") != null);
            var line = fx(() -> window.model().log().lines("lobby").stream().filter(l -> "hello there".equals(l.text()))
                    .findFirst().orElseThrow());
            var spoken = fx(() -> logCell(robot, "hello there").getAccessibleText());
            var clock = java.time.format.DateTimeFormatter.ofPattern("HH:mm:ss").withZone(java.time.ZoneId.systemDefault())
                    .format(line.time());
            assertThat(spoken).isEqualTo("bob at " + clock + ": hello there");
            assertThat(fx(() -> robot.lookup("#logList").query().getAccessibleText())).isEqualTo("Messages");
            assertThat(fx(() -> robot.lookup("#input").query().getAccessibleText())).isEqualTo("Message to send");
        }
    }

    private static Node logCell(FxRobot robot, String text) {
        return robot.lookup("#logList .list-cell")
                .match((ListCell<?> cell) -> cell.getItem() instanceof LogLine line && text.equals(line.text()))
                .tryQuery().orElse(null);
    }
}
