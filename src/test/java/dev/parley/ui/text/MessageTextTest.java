package dev.parley.ui.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/// A message's text on screen: web addresses are clicked through the opener, everything else is
/// literal text that nothing reacts to, and a line without an address stays a plain label.
@ExtendWith(ApplicationExtension.class)
@Timeout(60)
class MessageTextTest {

    private final List<URI> opened = new CopyOnWriteArrayList<>();
    private MessageText text;

    @Start
    void start(Stage stage) {
        text = new MessageText(opened::add);
        text.setPrefWidth(600);
        stage.setScene(new Scene(text, 640, 200));
        stage.show();
    }

    @Test
    void clickingAnAddressHandsItToTheOpenerAndTheTextStaysLiteral(FxRobot robot) {
        var message = "<b>see</b> https://example.org/a?b=1 or javascript:alert(1), file:///etc/passwd.";
        robot.interact(() -> text.show(message));
        assertThat(text.text()).isEqualTo(message);
        var links = robot.lookup(".message-link").queryAllAs(Text.class);
        assertThat(links).extracting(Text::getText).containsExactly("https://example.org/a?b=1");

        robot.clickOn(links.iterator().next());
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(opened).containsExactly(URI.create("https://example.org/a?b=1"));

        // The rest is text: a click on it (javascript:, file:, the markup) opens nothing.
        for (var plain : robot.lookup(".message-plain").queryAllAs(Text.class)) {
            robot.clickOn(plain);
        }
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(opened).hasSize(1);
    }

    @Test
    void aLineWithoutAnAddressIsAPlainLabelAndAReusedCellForgetsItsLinks(FxRobot robot) {
        robot.interact(() -> text.show("http://one.example and https://two.example"));
        assertThat(robot.lookup(".message-link").queryAll()).hasSize(2);
        assertThat(robot.lookup(".message-flow").queryAs(TextFlow.class).isVisible()).isTrue();

        robot.interact(() -> text.show("just words, no http here"));
        assertThat(robot.lookup(".message-link").queryAll()).isEmpty();
        var label = robot.lookup(".message-text > .text").queryAs(Label.class);
        assertThat(label.isVisible()).isTrue();
        assertThat(label.getText()).isEqualTo("just words, no http here");
        assertThat(text.text()).isEqualTo("just words, no http here");

        robot.interact(() -> text.show("ftp://not.a.web.link only"));
        assertThat(robot.lookup(".message-link").queryAll()).isEmpty();
        assertThat(text.text()).isEqualTo("ftp://not.a.web.link only");
    }
}
