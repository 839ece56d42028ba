package dev.parley.ui.conversation;

import dev.parley.ui.common.I18n;
import dev.parley.ui.common.Panes;
import atlantafx.base.theme.Styles;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.beans.value.ObservableValue;
import dev.parley.ui.common.Note;

/// The message field: Enter sends, Shift+Enter starts a new line; a counter near the limit;
/// the reason when sending is off, and the server's refusals, beside it.
public final class InputPane extends VBox {

    /// `typing` says who is typing in the conversation shown ("Ann is typing…"), above the field.
    public InputPane(InputViewModel vm, ObservableValue<Note> typing, I18n i18n) {
        super(4);
        setPadding(new Insets(8, 12, 8, 12));
        getStyleClass().add("input-pane");

        var field = new TextArea();
        field.setId("input");
        field.setPrefRowCount(2);
        field.setWrapText(true);
        field.textProperty().bindBidirectional(vm.textProperty());
        field.promptTextProperty().bind(i18n.text("input.prompt"));
        field.accessibleTextProperty().bind(i18n.text("input.a11y"));
        field.disableProperty().bind(vm.connectedProperty().not());
        field.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() != KeyCode.ENTER) {
                return;
            }
            e.consume();
            if (e.isShiftDown()) {
                field.insertText(field.getCaretPosition(), "\n");
            } else {
                vm.send();
            }
        });
        HBox.setHgrow(field, Priority.ALWAYS);

        var send = new Button();
        send.setId("sendButton");
        send.textProperty().bind(i18n.text("input.send"));
        send.accessibleTextProperty().bind(i18n.text("input.send"));
        send.getStyleClass().add(Styles.ACCENT);
        send.disableProperty().bind(vm.connectedProperty().not());
        send.setOnAction(e -> { vm.send(); field.requestFocus(); });
        send.setMaxHeight(Double.MAX_VALUE);
        send.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);

        var counter = new Label();
        counter.setId("counter");
        counter.textProperty().bind(Bindings.createStringBinding(
                () -> vm.length() + " / " + vm.maxCharsProperty().get(), vm.textProperty(), vm.maxCharsProperty()));
        counter.visibleProperty().bind(vm.counterVisibleProperty());
        counter.getStyleClass().add(Styles.TEXT_SMALL);
        vm.textProperty().addListener((obs, old, t) ->
                counter.pseudoClassStateChanged(javafx.css.PseudoClass.getPseudoClass("over"),
                        vm.length() > vm.maxCharsProperty().get()));

        var note = Panes.note(i18n, vm.errorProperty(), "error-text");
        note.setId("inputNote");
        var reason = Panes.note(i18n, Bindings.createObjectBinding(
                () -> vm.connectedProperty().get() ? null : vm.disabledReasonProperty().get(),
                vm.connectedProperty(), vm.disabledReasonProperty()), "hint-text");
        reason.setId("inputReason");
        var below = new HBox(8, note, reason, new javafx.scene.layout.Region(), counter);
        HBox.setHgrow(below.getChildren().get(2), Priority.ALWAYS);
        below.setAlignment(Pos.CENTER_LEFT);
        var typingNote = Panes.note(i18n, typing, "hint-text");
        typingNote.setId("typingNote");
        typingNote.getStyleClass().add("typing-note");
        // Buttons beside the field that add to a message (attach a file, …) go into `tools`.
        var tools = new HBox(4);
        tools.setId("inputTools");
        tools.setAlignment(Pos.CENTER);
        var row = new HBox(8, tools, field, send);
        getChildren().addAll(typingNote, row, below);
    }
}
