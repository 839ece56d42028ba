package dev.parley.ui.connect;

import dev.parley.ui.RemoteWindowTest;
import dev.parley.ui.WindowFixture;
import dev.parley.ui.log.LogLine;
import dev.parley.ui.members.MemberRow;
import static dev.parley.ui.WindowFixture.fx;
import static dev.parley.ui.WindowFixture.until;
import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.client.ClientEvent;
import dev.parley.client.ConnectionState;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.input.Clipboard;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Test;
import javafx.stage.Stage;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;

/// The real window joining another (remote) Parley server through the Join pane.
class JoinWindowTest extends RemoteWindowTest {

    @Start
    void start(Stage stage) throws Exception {
        open(stage);
    }

    @Test
    void joinARemoteServerChatBothWaysAndSeeItClose(FxRobot robot) throws Exception {
        startRemote();
        var typed = "127.0.0.1:" + remote.port();

        robot.clickOn("#joinAddress").write(typed);
        robot.clickOn("#joinButton");
        until("connected", () -> window.model().status().stateProperty().get() == ConnectionState.CONNECTED);
        assertThat(fx(() -> window.model().settings().recentServers())).containsExactly(typed);
        assertThat(fx(() -> robot.lookup("#serverAddress").queryAs(Label.class).getText())).isEqualTo(typed);

        try (var bob = WindowFixture.Peer.join(remote.localUri(), "bob")) {
            until("bob listed", () -> robot.lookup("#membersList").queryAs(ListView.class).getItems().stream()
                    .anyMatch(m -> ((MemberRow) m).clientId().equals("bob")));

            robot.clickOn("#input").write("line one");
            robot.press(KeyCode.SHIFT).press(KeyCode.ENTER).release(KeyCode.ENTER).release(KeyCode.SHIFT);
            robot.write("line two");
            robot.type(KeyCode.ENTER);
            var got = bob.next(ClientEvent.ChatReceived.class, received -> received.chat().from().equals("ann"));
            assertThat(got.chat().text()).isEqualTo("line one\nline two");

            bob.client().sendChat("lobby", "got it");
            until("bob's answer shown", () -> WindowFixture.logTexts(window, "lobby").contains("got it"));
        }

        // Blank text is refused and says so; nothing is sent.
        robot.clickOn("#input").write("   ");
        robot.type(KeyCode.ENTER);
        assertThat(fx(() -> robot.lookup("#inputNote").queryAs(Label.class).getText()))
                .isEqualTo("A blank message is not sent.");

        remote.stop();
        until("input off once the server is gone", () -> !window.model().input().connectedProperty().get()
                || window.model().status().stateProperty().get() != ConnectionState.CONNECTED);
        assertThat(fx(() -> robot.lookup("#connectionState").queryAs(Label.class).getText())).isNotEqualTo("Connected");
    }

    @Test
    void markupAndInvisibleCharactersShowLiterally(FxRobot robot) throws Exception {
        startRemote();
        robot.clickOn("#joinAddress").write("127.0.0.1:" + remote.port());
        robot.clickOn("#joinButton");
        until("connected", () -> window.model().status().stateProperty().get() == ConnectionState.CONNECTED);
        var hostile = "<script>alert(1)</script><img src=x onerror=alert(2)> \u202Egnp.exe\u202C zero\u200Bwidth";
        try (var mallory = WindowFixture.Peer.join(remote.localUri(), "mallory")) {
            mallory.client().sendChat("lobby", hostile);
            until("the message is shown", () -> WindowFixture.logTexts(window, "lobby").contains(hostile));
            until("a rendered line holds exactly the text", () -> fx(() -> robot.lookup(".text").queryAll()
                    .stream().anyMatch(node -> node instanceof Label label && hostile.equals(label.getText()))));
        }
    }

    @Test
    void selectedLinesCopyAsTextAndTheLanguageSwitchesLive(FxRobot robot) throws Exception {
        startRemote();
        robot.clickOn("#joinAddress").write("ws://127.0.0.1:" + remote.port() + "/ws");
        robot.clickOn("#joinButton");
        until("connected", () -> window.model().status().stateProperty().get() == ConnectionState.CONNECTED);
        robot.clickOn("#input").write("first");
        robot.type(KeyCode.ENTER);
        robot.write("second");
        robot.type(KeyCode.ENTER);
        until("both sent", () -> window.model().log().lines("lobby").stream()
                .filter(l -> l.status() == LogLine.Status.SENT).count() == 2);

        fx(() -> {
            var list = robot.lookup("#logList").queryAs(ListView.class);
            list.getSelectionModel().selectAll();
            list.requestFocus();
            return null;
        });
        robot.press(KeyCode.CONTROL).press(KeyCode.C).release(KeyCode.C).release(KeyCode.CONTROL);
        var copied = fx(() -> Clipboard.getSystemClipboard().getString());
        assertThat(copied).contains("ann: first").contains("ann: second");
        assertThat(copied.indexOf("first")).isLessThan(copied.indexOf("second"));

        fx(() -> { window.language("zh-CN"); return null; });
        assertThat(fx(() -> robot.lookup("#connectionState").queryAs(Label.class).getText())).isEqualTo("已连接");
        assertThat(fx(() -> robot.lookup("#sendButton").queryAs(javafx.scene.control.Button.class).getText()))
                .isEqualTo("发送");
    }
}
