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
import javafx.scene.layout.VBox;

/// The message field: Enter sends, Shift+Enter starts a new line; a counter near the limit;
/// the reason when sending is off, and the server's refusals, beside it.
public final class InputPane extends VBox {

    public InputPane(InputViewModel vm, I18n i18n) {
        super(4);
        setPadding(new Insets(8, 12, 8, 12));
        getStyleClass().add("input-pane");

        var field = new TextArea();
        field.setId("input");
        field.setPrefRowCount(2);
        field.setWrapText(true);
        field.textProperty().bindBidirectional(vm.textProperty());
        field.promptTextProperty().bind(i18n.text("input.prompt"));
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
        var row = new HBox(8, field, send);
        getChildren().addAll(row, below);
    }
}
