package dev.parley.ui.connect;

import dev.parley.ui.common.I18n;
import dev.parley.ui.common.Panes;
import atlantafx.base.theme.Styles;
import dev.parley.discovery.DiscoveredRoom;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.scene.shape.SVGPath;

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
            var name = new Label(room.name());
            name.getStyleClass().add(Styles.TEXT_BOLD);
            if (room.passwordProtected()) {
                // Drawn, not an emoji: many desktop fonts have no 🔒 glyph.
                var lock = new SVGPath();
                lock.setContent("M4 7V5a4 4 0 0 1 8 0v2h1v8H3V7h1zm2 0h4V5a2 2 0 0 0-4 0v2z");
                lock.getStyleClass().add("room-lock");
                lock.setScaleX(0.75);
                lock.setScaleY(0.75);
                name.setGraphic(lock);
                Tooltip.install(name, new Tooltip(i18n.get("nearby.locked", room.name())));
            }
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
            setText(null);
            setGraphic(row);
        }
    }
}
