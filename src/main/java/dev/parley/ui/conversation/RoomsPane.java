package dev.parley.ui.conversation;

import dev.parley.ui.common.I18n;
import dev.parley.ui.common.Panes;
import atlantafx.base.theme.Styles;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/// The joined rooms with unread counts; join another room by name, leave the selected one.
public final class RoomsPane extends VBox {

    public RoomsPane(RoomsViewModel vm, I18n i18n) {
        super(6);
        getStyleClass().add("card");

        var list = new ListView<>(vm.rooms());
        list.setId("roomsList");
        list.setPrefHeight(130);
        list.setCellFactory(v -> new RoomCell());
        list.getSelectionModel().selectedItemProperty().addListener((obs, old, row) -> {
            if (row != null && !row.name().equals(vm.active())) {
                vm.select(row.name());
            }
        });
        // Keep the selection on the shown room when rows are replaced (unread counts change).
        vm.activeProperty().addListener((obs, old, room) -> select(list, room));
        vm.rooms().addListener((javafx.collections.ListChangeListener<RoomRow>) c -> select(list, vm.active()));

        var name = new TextField();
        name.setId("roomField");
        name.promptTextProperty().bind(i18n.text("rooms.prompt"));
        HBox.setHgrow(name, Priority.ALWAYS);
        var join = new Button();
        join.setId("roomJoin");
        join.textProperty().bind(i18n.text("rooms.join"));
        Runnable doJoin = () -> { if (vm.join(name.getText())) name.clear(); };
        join.setOnAction(e -> doJoin.run());
        name.setOnAction(e -> doJoin.run());
        var leave = new Button();
        leave.setId("roomLeave");
        leave.textProperty().bind(i18n.text("rooms.leave"));
        leave.setOnAction(e -> vm.leave(vm.active()));
        join.setMinWidth(Region.USE_PREF_SIZE);
        leave.setMinWidth(Region.USE_PREF_SIZE);

        getChildren().addAll(Panes.title(i18n, "rooms.title"), list, new HBox(6, name, join, leave),
                Panes.note(i18n, vm.errorProperty(), "error-text"));
    }

    private static void select(ListView<RoomRow> list, String room) {
        list.getItems().stream().filter(r -> r.name().equals(room)).findFirst()
                .ifPresent(r -> list.getSelectionModel().select(r));
    }

    private static final class RoomCell extends ListCell<RoomRow> {
        private final Label name = new Label();
        private final Label unread = new Label();
        private final HBox box;

        RoomCell() {
            unread.getStyleClass().addAll("unread", Styles.SMALL);
            var spacer = new Region();
            HBox.setHgrow(spacer, Priority.ALWAYS);
            box = new HBox(6, name, spacer, unread);
            box.setAlignment(Pos.CENTER_LEFT);
        }

        @Override
        protected void updateItem(RoomRow row, boolean empty) {
            super.updateItem(row, empty);
            if (empty || row == null) {
                setGraphic(null);
                return;
            }
            name.setText("# " + row.name());
            unread.setText(Integer.toString(row.unread()));
            unread.setVisible(row.unread() > 0);
            setGraphic(box);
        }
    }
}
