package dev.parley.ui;

import dev.parley.ui.common.EventPump;
import static dev.parley.ui.WindowFixture.fx;
import static dev.parley.ui.WindowFixture.until;
import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.client.ClientEvent;
import dev.parley.client.ConnectionState;
import dev.parley.protocol.Names;
import dev.parley.ui.startup.Rehearsal;
import javafx.application.Platform;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.testfx.framework.junit5.Start;

/// The AOT training's rehearsal plays a real flood through the window's own event path: every
/// message read back from the wire's form lands in the log once, in order, and the window ends
/// disconnected, as after a user's own disconnect.
class RehearsalWindowTest extends RemoteWindowTest {

    @Start
    void start(Stage stage) throws Exception {
        open(stage);
    }

    @Test
    void aRehearsalFillsTheLogAndEndsDisconnected() throws Exception {
        var player = Thread.ofVirtual().start(() -> Rehearsal.play(new EventPump(Platform::runLater, window.model()::apply), 600));
        player.join(10_000);
        assertThat(player.isAlive()).isFalse();
        until("all lines in", () -> WindowFixture.logTexts(window, Names.DEFAULT_ROOM).stream()
                .filter(text -> text.contains(" #")).count() == 600);
        var texts = WindowFixture.logTexts(window, Names.DEFAULT_ROOM).stream().filter(text -> text.contains(" #")).toList();
        assertThat(texts.getFirst()).endsWith(" #1");
        assertThat(texts.getLast()).endsWith(" #600");
        assertThat(texts).doesNotHaveDuplicates();
        until("disconnected", () -> window.model().status().stateProperty().get() == ConnectionState.DISCONNECTED);
        assertThat(fx(() -> window.model().conversations().active())).isEqualTo(Names.DEFAULT_ROOM);
    }

    @Test
    void eachRehearsedMessageReadsBackFromTheWire() {
        var event = Rehearsal.received(7);
        assertThat(event).isInstanceOf(ClientEvent.LineAdded.class);
        var line = ((ClientEvent.LineAdded) event).line();
        assertThat(line.seq()).isEqualTo(7);
        assertThat(line.conversation()).isEqualTo(Names.DEFAULT_ROOM);
        assertThat(line.text()).endsWith(" #7");
        assertThat(line.own()).isFalse();
    }
}
