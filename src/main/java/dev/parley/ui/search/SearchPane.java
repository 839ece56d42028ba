package dev.parley.ui.search;

import dev.parley.ui.common.I18n;
import dev.parley.ui.common.Panes;
import javafx.animation.PauseTransition;
import javafx.geometry.Insets;
import javafx.scene.Scene;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.VBox;
import javafx.util.Duration;

/// The search field (Ctrl+F, ⌘F on macOS) and its results: time, room, sender and text with
/// the match marked. Searches a moment after typing stops, or at once on Enter; choosing a
/// result shows its room.
public final class SearchPane extends VBox {

    static final KeyCombination FOCUS = new KeyCodeCombination(KeyCode.F, KeyCombination.SHORTCUT_DOWN);
    /// Long enough that a word typed at speed is one search, not one per letter (the server's
    /// rate limit counts searches like messages).
    private static final Duration SETTLE = Duration.millis(300);

    public SearchPane(SearchViewModel vm, I18n i18n) {
        super(6);
        setPadding(new Insets(12, 12, 0, 12));
        getStyleClass().add("search");

        var field = new TextField();
        field.setId("searchField");
        field.promptTextProperty().bind(i18n.text("search.prompt"));
        field.accessibleTextProperty().bind(i18n.text("search.prompt"));
        field.textProperty().bindBidirectional(vm.queryProperty());
        var settle = new PauseTransition(SETTLE);
        settle.setOnFinished(e -> vm.search());
        field.textProperty().addListener((obs, old, text) -> settle.playFromStart());
        field.setOnAction(e -> {
            settle.stop();
            vm.search();
        });
        field.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ESCAPE) {
                field.clear();
            }
        });
        sceneProperty().addListener((obs, old, scene) -> focusOn(scene, field));

        var list = new ListView<>(vm.results());
        list.setId("searchResults");
        list.setPrefHeight(220);
        list.setCellFactory(v -> new SearchCell(vm.askedProperty()));
        list.getSelectionModel().selectedItemProperty().addListener((obs, old, chat) -> vm.open(chat));
        list.visibleProperty().bind(javafx.beans.binding.Bindings.isNotEmpty(vm.results()));
        list.managedProperty().bind(list.visibleProperty());

        var status = Panes.note(i18n, vm.statusProperty(), "hint-text");
        status.setId("searchStatus");
        getChildren().addAll(Panes.title(i18n, "search.title"), field, status, list);
    }

    private static void focusOn(Scene scene, TextField field) {
        if (scene != null) {
            scene.getAccelerators().put(FOCUS, () -> {
                field.requestFocus();
                field.selectAll();
            });
        }
    }
}
