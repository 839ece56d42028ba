package dev.parley.ui.connect;

import atlantafx.base.theme.Styles;
import dev.parley.ui.common.I18n;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/// What the window shows while not connected: one line saying what to do, the name, then "Host
/// a room" (one click) beside "Join a room" (rooms found on the network, an address).
public final class ConnectView extends ScrollPane {

    private final VBox hostSlot = new VBox();

    public ConnectView(JoinViewModel join, I18n i18n) {
        setId("connectView");
        setFitToWidth(true);
        getStyleClass().add("connect-view");

        var welcome = new Label();
        welcome.getStyleClass().addAll(Styles.TITLE_2);
        welcome.textProperty().bind(i18n.text("connect.title"));
        var hint = new Label();
        hint.setId("firstRunHint");
        hint.setWrapText(true);
        hint.getStyleClass().add(Styles.TEXT_MUTED);
        hint.textProperty().bind(i18n.text("connect.hint"));

        var name = new TextField();
        name.setId("name");
        name.setPrefColumnCount(16);
        name.setMaxWidth(260);
        name.textProperty().bindBidirectional(join.nameProperty());
        name.accessibleTextProperty().bind(i18n.text("name.label"));
        var nameLabel = new Label();
        nameLabel.textProperty().bind(i18n.text("name.label"));
        nameLabel.getStyleClass().add("section-title");
        nameLabel.setLabelFor(name);
        var nameRow = new HBox(8, nameLabel, name);
        nameRow.setAlignment(Pos.CENTER_LEFT);

        var joinPane = new JoinPane(join, i18n);
        HBox.setHgrow(hostSlot, Priority.ALWAYS);
        HBox.setHgrow(joinPane, Priority.ALWAYS);
        hostSlot.setPrefWidth(380);
        joinPane.setPrefWidth(380);
        var cards = new HBox(16, hostSlot, joinPane);
        cards.setAlignment(Pos.TOP_CENTER);

        var content = new VBox(14, welcome, hint, nameRow, cards);
        content.setPadding(new Insets(28));
        content.setMaxWidth(860);
        var centred = new HBox(content);
        centred.setAlignment(Pos.TOP_CENTER);
        setContent(centred);
    }

    /// Where the host card goes while this view shows (the window moves the one card between
    /// here and the invite panel of its header).
    public VBox hostSlot() {
        return hostSlot;
    }
}
