package dev.parley.web;

import static dev.parley.ui.WindowFixture.fx;
import static dev.parley.web.PageRig.WAIT;
import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.client.ConnectionState;
import dev.parley.client.Line;
import dev.parley.ui.ParleyWindow;
import dev.parley.ui.WindowFixture;
import dev.parley.ui.conversation.ConversationRow;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/// The two first-class clients side by side: the page in a real Chromium and the real window
/// (TestFX, headless) talk privately, each seeing the other's conversation appear.
@ExtendWith(ApplicationExtension.class)
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class PageAndWindowTest {

    @TempDir
    Path data;

    private ParleyWindow window;
    private PageRig rig;

    @Start
    void start(Stage stage) throws Exception {
        window = WindowFixture.open(stage, "wendy", WindowFixture.freePort());
    }

    @AfterEach
    void stop() throws Exception {
        WindowFixture.shutdown(window);
        if (rig != null) {
            rig.close();
        }
    }

    @Test
    void aPageAndAWindowTalkPrivately(FxRobot robot) throws Exception {
        rig = new PageRig(data);
        fx(() -> { window.model().join().addressProperty().set("127.0.0.1:" + rig.port()); return window.model().join().join(); });
        WindowFixture.until("the window connected", () -> window.model().status().stateProperty().get() == ConnectionState.CONNECTED);

        var ann = rig.join("ann");
        ann.awaitText("#members", members -> members.contains("wendy"), WAIT);
        ann.click("#members button[data-name='wendy']");
        ann.type("#input", "hello wendy, from the page\n");

        var withAnn = Line.privateWith("ann");
        WindowFixture.until("the page's message in the window", () -> WindowFixture.logTexts(window, withAnn).stream()
                .anyMatch(text -> text.contains("hello wendy, from the page")));
        assertThat(fx(() -> window.model().conversations().conversations().stream()
                .filter(ConversationRow::privately).map(ConversationRow::title).toList())).containsExactly("ann");

        fx(() -> window.model().conversations().openPrivate("ann"));
        robot.clickOn("#input").write("hello ann, from the window");
        robot.type(KeyCode.ENTER);
        ann.awaitText("#log", log -> log.contains("hello ann, from the window"), WAIT);
        assertThat(ann.text("#log")).contains("hello wendy, from the page");
        assertThat(ann.text("#people")).isEqualTo("wendy");
    }
}
