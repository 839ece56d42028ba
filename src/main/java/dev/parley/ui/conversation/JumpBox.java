package dev.parley.ui.conversation;

import atlantafx.base.theme.Styles;
import dev.parley.ui.common.I18n;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/// Ctrl+K: type part of a conversation's name, Enter (or a click) opens the first match or the
/// one chosen with the arrow keys; Esc closes the box. Laid over the window, hidden until asked.
public final class JumpBox extends VBox {

    private final TextField field = new TextField();
    private final ListView<ConversationRow> matches = new ListView<>();
    private final ConversationsViewModel vm;

    public JumpBox(ConversationsViewModel vm, I18n i18n) {
        super(6);
        this.vm = vm;
        setId("jumpBox");
        getStyleClass().addAll("jump-box", Styles.ELEVATED_2);
        setPadding(new Insets(10));
        setMaxSize(360, 280);
        StackPane.setAlignment(this, Pos.TOP_CENTER);
        StackPane.setMargin(this, new Insets(60, 0, 0, 0));
        field.setId("jumpField");
        field.promptTextProperty().bind(i18n.text("jump.prompt"));
        field.accessibleTextProperty().bind(i18n.text("jump.prompt"));
        field.textProperty().addListener((obs, old, typed) -> refresh());
        matches.setId("jumpMatches");
        matches.setPrefHeight(200);
        matches.setCellFactory(v -> new ListCell<>() {
            @Override
            protected void updateItem(ConversationRow row, boolean empty) {
                super.updateItem(row, empty);
                setText(empty || row == null ? null : (row.privately() ? "@ " : "# ") + row.title());
            }
        });
        matches.setOnMouseClicked(e -> open());
        field.setOnKeyPressed(e -> {
            switch (e.getCode()) {
                case ENTER -> open();
                case ESCAPE -> close();
                case DOWN -> matches.getSelectionModel().selectNext();
                case UP -> matches.getSelectionModel().selectPrevious();
                default -> { return; }
            }
            e.consume();
        });
        matches.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER) { open(); e.consume(); }
            if (e.getCode() == KeyCode.ESCAPE) { close(); e.consume(); }
        });
        getChildren().addAll(field, matches);
        setVisible(false);
    }

    public void show() {
        field.clear();
        refresh();
        setVisible(true);
        field.requestFocus();
    }

    public void close() {
        setVisible(false);
    }

    private void refresh() {
        matches.getItems().setAll(vm.matching(field.getText()));
        matches.getSelectionModel().selectFirst();
    }

    private void open() {
        var chosen = matches.getSelectionModel().getSelectedItem();
        if (chosen != null) {
            vm.select(chosen.id());
        }
        close();
    }
}
