package dev.parley.ui;

import atlantafx.base.theme.Styles;
import java.time.ZoneId;
import java.util.stream.Collectors;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.ListView;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ScrollBar;
import javafx.scene.control.SelectionMode;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.StackPane;

/// The conversation of the shown room: a virtualized list (only visible lines have cells).
/// Follows new lines unless the user scrolled up; then a "new messages" button brings them back.
/// Lines are selectable (Shift/Ctrl-click) and copyable (Ctrl+C, context menu).
final class LogPane extends StackPane {

    private final ListView<LogLine> list = new ListView<>();
    private final Button newMessages = new Button();
    private final ListChangeListener<LogLine> onChange = this::changed;
    private boolean follow = true;
    private ObservableList<LogLine> shown;

    LogPane(MainViewModel vm, I18n i18n) {
        list.setId("logList");
        list.getStyleClass().add("log");
        list.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        list.setCellFactory(v -> new LogCell(vm::retry, i18n));
        show(vm.log().lines(vm.rooms().active()));
        vm.rooms().activeProperty().addListener((obs, old, room) -> show(vm.log().lines(room)));

        var copyKeys = new KeyCodeCombination(KeyCode.C, KeyCombination.SHORTCUT_DOWN);
        list.setOnKeyPressed(e -> { if (copyKeys.match(e)) { copySelection(); e.consume(); } });
        var copy = new MenuItem();
        copy.textProperty().bind(i18n.text("log.copy"));
        copy.setOnAction(e -> copySelection());
        list.setContextMenu(new ContextMenu(copy));

        newMessages.setId("newMessages");
        newMessages.textProperty().bind(i18n.text("log.newMessages"));
        newMessages.getStyleClass().addAll(Styles.ACCENT, Styles.ROUNDED, Styles.SMALL);
        newMessages.setVisible(false);
        newMessages.setOnAction(e -> { follow = true; scrollToEnd(); });
        StackPane.setAlignment(newMessages, Pos.BOTTOM_CENTER);
        newMessages.setTranslateY(-12);
        getChildren().addAll(list, newMessages);

        // The scroll bar exists once the skin is made; from then on it tells whether we follow.
        list.skinProperty().addListener((obs, old, skin) -> javafx.application.Platform.runLater(this::watchScrollBar));
    }

    private void watchScrollBar() {
        list.lookupAll(".scroll-bar").stream()
                .filter(n -> n instanceof ScrollBar bar && bar.getOrientation() == Orientation.VERTICAL)
                .map(ScrollBar.class::cast).findFirst()
                .ifPresent(bar -> bar.valueProperty().addListener((obs, old, value) -> {
                    follow = value.doubleValue() >= bar.getMax() - 0.001;
                    if (follow) {
                        newMessages.setVisible(false);
                    }
                }));
    }

    private void show(ObservableList<LogLine> lines) {
        if (shown != null) {
            shown.removeListener(onChange);
        }
        shown = lines;
        lines.addListener(onChange);
        list.setItems(lines);
        follow = true;
        newMessages.setVisible(false);
        scrollToEnd();
    }

    private void changed(ListChangeListener.Change<? extends LogLine> change) {
        boolean added = false;
        while (change.next()) {
            added |= change.wasAdded() && !change.wasReplaced();
        }
        if (!added) {
            return;
        }
        if (follow) {
            scrollToEnd();
        } else {
            newMessages.setVisible(true);
        }
    }

    private void scrollToEnd() {
        if (!list.getItems().isEmpty()) {
            list.scrollTo(list.getItems().size() - 1);
        }
    }

    private void copySelection() {
        var zone = ZoneId.systemDefault();
        var text = list.getSelectionModel().getSelectedIndices().stream().sorted()
                .map(i -> list.getItems().get(i).plain(zone)).collect(Collectors.joining("\n"));
        if (!text.isEmpty()) {
            Panes.copy(text);
        }
    }
}
