package dev.parley.ui.connect;

import dev.parley.ui.ParleyWindow;
import dev.parley.ui.WindowFixture;
import dev.parley.ui.common.Settings;
import dev.parley.ui.log.LogLine;
import static dev.parley.ui.WindowFixture.fx;
import static dev.parley.ui.WindowFixture.until;
import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.client.ClientConfig;
import dev.parley.client.ClientEvent;
import dev.parley.client.ConnectionState;
import dev.parley.client.ParleyClient;
import dev.parley.server.ParleyServer;
import dev.parley.server.ServerAddresses;
import dev.parley.server.ServerConfig;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.util.concurrent.LinkedBlockingQueue;
import javafx.scene.Node;
import javafx.scene.control.Label;
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

/// Encrypted rooms in the real window: hosting with TLS, and a server whose certificate changed.
@ExtendWith(ApplicationExtension.class)
@Timeout(90)
class TlsWindowTest {

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

    private static boolean shown(FxRobot robot, String id) {
        return robot.lookup(id).tryQuery().map(Node::isVisible).orElse(false);
    }

    @Test
    void hostingEncryptedShowsWssAndTheFingerprintAMemberChecks(FxRobot robot) throws Exception {
        robot.clickOn("#hostTls");
        robot.clickOn("#hostToggle");
        until("hosting", () -> window.model().host().hostingProperty().get());
        var fingerprint = fx(() -> window.model().host().server().fingerprint());
        assertThat(fingerprint).matches("([0-9A-F]{2}:){31}[0-9A-F]{2}");
        assertThat(fx(() -> window.model().host().addresses().stream().map(ServerAddresses.Joinable::uri).toList()))
                .contains(URI.create("wss://localhost:" + port + "/ws"))
                .allMatch(uri -> uri.getScheme().equals("wss"));
        assertThat(fx(() -> robot.lookup("#hostFingerprint").queryAs(TextField.class).getText())).isEqualTo(fingerprint);
        assertThat(shown(robot, "#copyFingerprint")).isTrue();
        until("own room joined over wss", () -> window.model().status().stateProperty().get() == ConnectionState.CONNECTED);
        assertThat(fx(() -> robot.lookup("#encrypted").queryAs(Label.class).isVisible())).isTrue();
        assertThat(fx(() -> window.model().settings().tls())).isTrue();

        var events = new LinkedBlockingQueue<ClientEvent>();
        var config = ClientConfig.of(URI.create("wss://127.0.0.1:" + port + "/ws"), "bob", "lobby", null)
                .withExpectedFingerprint(fingerprint);
        try (var bob = new ParleyClient(config, events::add)) {
            bob.connect();
            bob.sendChat("lobby", "over TLS, 你好");
            until("bob's message shown", () -> WindowFixture.logTexts(window, "lobby").contains("over TLS, 你好"));
            robot.clickOn("#input").write("hello bob");
            robot.type(KeyCode.ENTER);
            org.awaitility.Awaitility.await("ann's message at bob").atMost(WindowFixture.WAIT).until(() ->
                    events.stream().anyMatch(e -> e instanceof ClientEvent.ChatReceived r
                            && r.chat().text().equals("hello bob")));
        }
    }

    @Test
    void aChangedCertificateWarnsAndTrustingItReconnects(FxRobot robot) throws Exception {
        var address = "wss://127.0.0.1:" + port + "/ws";
        var first = ParleyServer.start(tlsServer("a"));
        String firstPrint;
        try {
            firstPrint = first.fingerprint();
            robot.clickOn("#joinAddress").write(address);
            robot.clickOn("#joinButton");
            until("joined A", () -> window.model().status().stateProperty().get() == ConnectionState.CONNECTED);
            assertThat(WindowFixture.logTexts(window, "lobby"))
                    .anyMatch(line -> line.contains("New encrypted server") && line.contains(firstPrint));
        } finally {
            first.stop();
        }
        var second = ParleyServer.start(tlsServer("b"));
        try {
            assertThat(second.fingerprint()).isNotEqualTo(firstPrint);
            until("warning shown", () -> shown(robot, "#certificateChanged"));
            var detail = fx(() -> robot.lookup("#certificateChangedDetail").queryAs(Label.class).getText());
            assertThat(detail).contains("127.0.0.1:" + port).contains(firstPrint).contains(second.fingerprint());
            assertThat(fx(() -> window.model().status().stateProperty().get())).isEqualTo(ConnectionState.DISCONNECTED);

            robot.clickOn("#trustNewCertificate");
            until("joined B", () -> window.model().status().stateProperty().get() == ConnectionState.CONNECTED);
            assertThat(shown(robot, "#certificateChanged")).isFalse();
            robot.clickOn("#input").write("after the new certificate");
            robot.type(KeyCode.ENTER);
            until("message sent to B", () -> window.model().log().lines("lobby").stream()
                    .anyMatch(l -> l.text().equals("after the new certificate") && l.status() == LogLine.Status.SENT));
        } finally {
            second.stop();
        }
    }

    @Test
    void anUnreadablePinFileIsSaidInTheLogNotSilentlyIgnored() throws Exception {
        var data = Files.createTempDirectory("parley-ui-pins");
        Files.writeString(data.resolve("known_servers"), "127.0.0.1\\:1=not-a-fingerprint\n");
        var settings = new Settings();
        settings.language("en");
        var other = fx(() -> ParleyWindow.open(new Stage(), settings, data));
        try {
            assertThat(WindowFixture.logTexts(other, "lobby"))
                    .anyMatch(line -> line.startsWith("Trusted servers could not be read") && line.contains("known_servers"));
        } finally {
            WindowFixture.shutdown(other);
            fx(() -> { ((Stage) other.scene().getWindow()).close(); return null; });
        }
    }

    private ServerConfig tlsServer(String name) throws IOException {
        return new ServerConfig(null, port, null, Files.createTempDirectory("parley-tls-" + name),
                null, null, null, null).withTls(true);
    }
}
