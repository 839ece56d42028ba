package dev.parley.ui.connect;

import dev.parley.ui.common.I18n;
import dev.parley.ui.common.Panes;
import atlantafx.base.theme.Styles;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/// "Join a room": server address (with the recent ones to pick from), room and password.
public final class JoinPane extends VBox {

    public JoinPane(JoinViewModel vm, I18n i18n) {
        super(6);
        getStyleClass().add("card");

        var address = new ComboBox<String>(vm.recent());
        address.setId("joinAddress");
        address.setEditable(true);
        address.setMaxWidth(Double.MAX_VALUE);
        address.promptTextProperty().bind(i18n.text("join.addressPrompt"));
        address.getEditor().textProperty().bindBidirectional(vm.addressProperty());

        var room = new TextField();
        room.setId("joinRoom");
        room.promptTextProperty().bind(i18n.text("join.roomPrompt"));
        room.textProperty().bindBidirectional(vm.roomProperty());
        var password = new PasswordField();
        password.setId("joinPassword");
        password.promptTextProperty().bind(i18n.text("join.passwordPrompt"));
        password.textProperty().bindBidirectional(vm.passwordProperty());
        HBox.setHgrow(room, Priority.ALWAYS);
        HBox.setHgrow(password, Priority.ALWAYS);

        var join = new Button();
        join.setId("joinButton");
        join.setDefaultButton(false);
        join.setMaxWidth(Double.MAX_VALUE);
        join.getStyleClass().add(Styles.ACCENT);
        join.textProperty().bind(i18n.text("join.button"));
        join.setOnAction(e -> vm.join());
        address.getEditor().setOnAction(e -> vm.join());

        vm.passwordWantedProperty().addListener((obs, old, count) -> password.requestFocus());

        getChildren().addAll(Panes.title(i18n, "join.title"), new NearbyPane(vm, i18n), address, new HBox(6, room, password), join,
                Panes.note(i18n, vm.errorProperty(), "error-text"));
    }
}
