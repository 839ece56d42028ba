package dev.parley.ui.status;

import dev.parley.ui.common.I18n;
import dev.parley.client.ConnectionState;
import java.util.Locale;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.Separator;
import javafx.geometry.Orientation;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;

/// Connection state, round-trip time and server address; when hosting, connections and
/// messages per second.
public final class StatusBar extends HBox {

    public StatusBar(StatusViewModel vm, I18n i18n) {
        super(10);
        setPadding(new Insets(4, 12, 4, 12));
        setAlignment(Pos.CENTER_LEFT);
        getStyleClass().add("status-bar");

        var state = new Label();
        state.setId("connectionState");
        state.textProperty().bind(i18n.note(vm.stateNoteProperty()));
        vm.stateProperty().addListener((obs, old, now) -> {
            state.getStyleClass().removeAll("state-connected", "state-connecting", "state-reconnecting", "state-disconnected");
            state.getStyleClass().add("state-" + now.name().toLowerCase(Locale.ROOT));
        });
        var rtt = new Label();
        rtt.setId("rtt");
        rtt.textProperty().bind(i18n.note(vm.rttProperty()));
        var server = new Label();
        server.setId("serverAddress");
        server.textProperty().bind(vm.serverProperty());
        var lock = new Label();
        lock.setId("encrypted");
        lock.textProperty().bind(i18n.text("status.encrypted"));
        lock.visibleProperty().bind(vm.encryptedProperty().and(vm.stateProperty().isEqualTo(ConnectionState.CONNECTED)));
        lock.managedProperty().bind(lock.visibleProperty());
        var spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        var host = new Label();
        host.setId("hostStats");
        host.textProperty().bind(i18n.note(vm.hostStatsProperty()));
        getChildren().addAll(state, new Separator(Orientation.VERTICAL), rtt, lock, server, spacer, host);
    }
}
