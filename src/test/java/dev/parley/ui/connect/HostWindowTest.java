package dev.parley.ui.connect;

import dev.parley.ui.ParleyWindow;
import dev.parley.ui.WindowFixture;
import dev.parley.ui.common.Note;
import dev.parley.ui.log.LogLine;
import dev.parley.ui.members.MemberRow;
import static dev.parley.ui.WindowFixture.fx;
import static dev.parley.ui.WindowFixture.until;
import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.server.ServerAddresses;
import java.net.ServerSocket;
import java.net.URI;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/// The real window hosting a real server, with a second person on the real client library.
@ExtendWith(ApplicationExtension.class)
@Timeout(90)
class HostWindowTest {

    private ParleyWindow window;
    private int port;

    @Start
    void start(Stage stage) throws Exception {
        port = WindowFixture.freePort();
        window = WindowFixture.open(stage, "ann", port);
    }

    @AfterEach
    void stop() {
        WindowFixture.shutdown(window);
    }

    @SuppressWarnings("unchecked")
    private static ListView<MemberRow> members(FxRobot robot) {
        return robot.lookup("#membersList").queryAs(ListView.class);
    }

    @Test
    void hostChatWithAVisitorAndStopFreesThePort(FxRobot robot) throws Exception {
        robot.clickOn("#hostToggle");
        until("hosting", () -> window.model().host().hostingProperty().get());
        until("own name in the member list", () -> members(robot).getItems().stream()
                .anyMatch(m -> m.clientId().equals("ann") && m.self()));
        assertThat(fx(() -> window.model().host().addresses().stream().map(ServerAddresses.Joinable::uri).toList()))
                .contains(URI.create("ws://localhost:" + port + "/ws"));
        assertThat(robot.lookup(".copy-address").queryAll()).isNotEmpty();
        // Each address others can use comes with its invite link and, shown, its QR code.
        boolean reachable = fx(() -> !window.model().host().reach().invites().isEmpty());
        assertThat(robot.lookup(".copy-invite").queryAll()).hasSize(fx(() -> window.model().host().reach().invites().size()));
        assertThat(fx(() -> robot.lookup("#hostQr").queryAs(javafx.scene.image.ImageView.class).getImage() != null)).isEqualTo(reachable);
        // The host sees where each connection comes from.
        until("own address shown", () -> members(robot).getItems().getFirst().address() != null);

        robot.clickOn("#input").write("hello from the window");
        robot.type(KeyCode.ENTER);
        until("own message sent", () -> window.model().log().lines("lobby").stream()
                .anyMatch(l -> l.text().equals("hello from the window") && l.status() == LogLine.Status.SENT));
        assertThat(fx(() -> window.model().input().textProperty().get())).isEmpty();

        try (var bob = WindowFixture.Peer.join(URI.create("ws://127.0.0.1:" + port + "/ws"), "bob")) {
            until("bob listed", () -> members(robot).getItems().stream().anyMatch(m -> m.clientId().equals("bob")));
            assertThat(fx(() -> robot.lookup("#headerCount").queryAs(Label.class).getText())).isEqualTo("2 connected");
            bob.client().sendChat("lobby", "hi ann, 你好");
            until("bob's message shown", () -> WindowFixture.logTexts(window, "lobby").contains("hi ann, 你好"));
        }
        until("bob gone", () -> members(robot).getItems().stream().noneMatch(m -> m.clientId().equals("bob")));

        robot.clickOn("#hostToggle");
        until("hosting off", () -> !window.model().host().hostingProperty().get()
                && !window.model().host().busyProperty().get());
        try (var socket = new ServerSocket(port)) {
            assertThat(socket.getLocalPort()).isEqualTo(port);
        }
    }

    @Test
    void takenPortIsReportedAndTheNextFreeOneIsOneClickAwayWithThePassword(FxRobot robot) throws Exception {
        try (var squatter = new ServerSocket(port)) {
            robot.clickOn("#hostPassword").write("s3cret");
            robot.clickOn("#hostToggle");
            until("port reported taken", () -> window.model().host().errorProperty().get() != null
                    && window.model().host().suggestedPortProperty().get() > 0);
            assertThat(fx(() -> window.model().host().errorProperty().get())).isEqualTo(Note.of("host.portInUse", port));
            robot.clickOn("#usePort");
            until("hosting on the offered port", () -> window.model().host().hostingProperty().get());
            assertThat(fx(() -> window.model().host().server().port())).isNotEqualTo(squatter.getLocalPort());
            // The window joins its own password-protected room with that password.
            until("joined own room", () -> window.model().status().stateProperty().get()
                    == dev.parley.client.ConnectionState.CONNECTED);
        }
    }
}
