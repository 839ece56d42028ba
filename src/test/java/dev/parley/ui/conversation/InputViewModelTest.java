package dev.parley.ui.conversation;

import dev.parley.ui.common.Note;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class InputViewModelTest {

    private final List<String> sent = new ArrayList<>();
    private final InputViewModel input = new InputViewModel();

    InputViewModelTest() {
        input.sendTo(sent::add);
        input.connection(null);
    }

    @Test
    void sendingHandsTheTextOnAndClearsTheField() {
        input.textProperty().set("hello there\n");

        assertThat(input.send()).isTrue();
        assertThat(sent).containsExactly("hello there");
        assertThat(input.textProperty().get()).isEmpty();
        assertThat(input.errorProperty().get()).isNull();
    }

    @Test
    void blankTextIsRefusedAndNothingIsSent() {
        input.textProperty().set("  \n ");

        assertThat(input.send()).isFalse();
        assertThat(sent).isEmpty();
        assertThat(input.errorProperty().get()).isEqualTo(Note.of("input.blank"));
    }

    @Test
    void tooLongTextIsRefusedAndKeptForEditing() {
        input.maxChars(10);
        input.textProperty().set("x".repeat(11));

        assertThat(input.send()).isFalse();
        assertThat(input.errorProperty().get()).isEqualTo(Note.of("input.tooLong", 11, 10));
        assertThat(input.textProperty().get()).hasSize(11);
    }

    @Test
    void counterAppearsNearTheLimitCountingCodePoints() {
        input.maxChars(10);
        input.textProperty().set("😀".repeat(7));
        assertThat(input.length()).isEqualTo(7);
        assertThat(input.counterVisibleProperty().get()).isFalse();

        input.textProperty().set("😀".repeat(8));
        assertThat(input.counterVisibleProperty().get()).isTrue();
    }

    @Test
    void disconnectedInputSaysWhyAndKeepsTheText() {
        input.connection(Note.of("input.off.disconnected"));
        input.textProperty().set("later");

        assertThat(input.connectedProperty().get()).isFalse();
        assertThat(input.send()).isFalse();
        assertThat(input.errorProperty().get()).isEqualTo(Note.of("input.off.disconnected"));
        assertThat(input.textProperty().get()).isEqualTo("later");
        assertThat(sent).isEmpty();
    }

    @Test
    void serverRefusalIsShownBesideTheInput() {
        input.refused("rate_limited", "slow down");

        assertThat(input.errorProperty().get()).isEqualTo(Note.of("input.refused", "rate_limited", "slow down"));
    }
}
