package dev.parley.ui;

import atlantafx.base.theme.Styles;
import dev.parley.discovery.DiscoveredRoom;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/// "Rooms on your network" inside the Join pane: one row per host found on the LAN (name,
/// address, members, a lock when it needs a password, TLS); a click joins it.
final class NearbyPane extends VBox {

    NearbyPane(JoinViewModel vm, I18n i18n) {
        super(4);
        var list = new ListView<>(vm.nearby().rooms());
        list.setId("nearbyRooms");
        list.setPrefHeight(120);
        var placeholder = new Label();
        placeholder.textProperty().bind(i18n.text("nearby.none"));
        placeholder.setWrapText(true);
        placeholder.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
        list.setPlaceholder(placeholder);
        list.setCellFactory(view -> new RoomCell(vm, i18n));
        list.setOnKeyPressed(e -> {
            var chosen = list.getSelectionModel().getSelectedItem();
            if (e.getCode() == KeyCode.ENTER && chosen != null) {
                vm.choose(chosen);
            }
        });
        getChildren().addAll(Panes.caption(i18n, "nearby.title"), list);
    }

    private static final class RoomCell extends ListCell<DiscoveredRoom> {

        private final I18n i18n;

        RoomCell(JoinViewModel vm, I18n i18n) {
            this.i18n = i18n;
            getStyleClass().add("nearby-room");
            setOnMouseClicked(e -> {
                if (!isEmpty() && getItem() != null) {
                    vm.choose(getItem());
                }
            });
        }

        @Override
        protected void updateItem(DiscoveredRoom room, boolean empty) {
            super.updateItem(room, empty);
            textProperty().unbind();
            if (empty || room == null) {
                setText(null);
                setGraphic(null);
                return;
            }
            var name = new Label((room.passwordProtected() ? "🔒 " : "") + room.name());
            name.getStyleClass().add(Styles.TEXT_BOLD);
            var address = new Label(room.host() + ":" + room.port() + (room.tls() ? "  TLS" : ""));
            address.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
            var words = new VBox(0, name, address);
            words.setMinWidth(0);
            HBox.setHgrow(words, Priority.ALWAYS);
            var members = new Label();
            members.textProperty().bind(i18n.text("nearby.members", room.members()));
            members.getStyleClass().add(Styles.TEXT_SMALL);
            var row = new HBox(6, words, members);
            row.setAlignment(Pos.CENTER_LEFT);
            if (room.passwordProtected()) {
                name.setAccessibleText(i18n.get("nearby.locked", room.name()));
            }
            setText(null);
            setGraphic(row);
        }
    }
}
