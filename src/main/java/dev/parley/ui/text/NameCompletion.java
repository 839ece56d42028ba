package dev.parley.ui.text;

import dev.parley.ui.notify.NameCompleter;
import java.util.Collection;
import java.util.function.Supplier;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;

/// `@` + Tab in a message field: completes the name being typed from the members of the shown
/// room ([NameCompleter]); Tab again moves on to the next name that fits. A Tab that completes
/// nothing does what Tab does anyway (moves the focus on).
public final class NameCompletion {

    private NameCompletion() {}

    /// `names` is asked at each Tab, on the FX thread, for the names that may be completed.
    public static void attach(TextInputControl field, Supplier<? extends Collection<String>> names) {
        var completer = new NameCompleter();
        field.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() != KeyCode.TAB || e.isShiftDown() || e.isControlDown() || e.isAltDown()) {
                return;
            }
            completer.complete(field.getText(), field.getCaretPosition(), names.get()).ifPresent(done -> {
                e.consume();
                field.setText(done.text());
                field.positionCaret(done.caret());
            });
        });
    }
}
