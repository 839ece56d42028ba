package dev.parley.ui.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import javafx.scene.Scene;
import javafx.scene.control.TextArea;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/// `@` + Tab typed into a real text area completes a member's name; Tab again picks the next.
@ExtendWith(ApplicationExtension.class)
@Timeout(60)
class NameCompletionTest {

    private TextArea field;

    @Start
    void start(Stage stage) {
        field = new TextArea();
        NameCompletion.attach(field, () -> List.of("bob", "Bea", "carol"));
        stage.setScene(new Scene(new VBox(field), 400, 200));
        stage.show();
    }

    @Test
    void atAndTabCompletesANameAndTabAgainTakesTheNext(FxRobot robot) {
        robot.clickOn(field).write("hi @b").type(KeyCode.TAB);
        assertThat(field.getText()).isEqualTo("hi @Bea ");
        assertThat(field.getCaretPosition()).isEqualTo(field.getText().length());

        robot.type(KeyCode.TAB);
        assertThat(field.getText()).isEqualTo("hi @bob ");

        robot.write("see you");
        assertThat(field.getText()).isEqualTo("hi @bob see you");
    }

    @Test
    void aTabWithNoNameToCompleteIsLeftToTheField(FxRobot robot) {
        robot.clickOn(field).write("@zed").type(KeyCode.TAB);
        assertThat(field.getText()).doesNotContain("zed ").startsWith("@zed");
    }
}
