package dev.parley.ui.connect;

import dev.parley.ui.common.I18n;
import dev.parley.ui.common.Panes;
import atlantafx.base.theme.Styles;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/// While hosting with TLS: the certificate's SHA-256 fingerprint (selectable text and a copy
/// button) and a line telling the host members should see the same one.
final class FingerprintBox extends VBox {

    FingerprintBox(HostViewModel vm, I18n i18n) {
        super(4);
        setId("hostFingerprintBox");
        var text = new TextField();
        text.setId("hostFingerprint");
        // Read-only but selectable: the host reads it out or pastes it to members.
        text.setEditable(false);
        text.getStyleClass().addAll("address", Styles.TEXT_SMALL);
        text.textProperty().bind(vm.fingerprintProperty());
        HBox.setHgrow(text, Priority.ALWAYS);
        var copy = new Button();
        copy.setId("copyFingerprint");
        copy.textProperty().bind(i18n.text("copy"));
        copy.getStyleClass().add(Styles.SMALL);
        copy.setMinWidth(Region.USE_PREF_SIZE);
        copy.setOnAction(e -> Panes.copy(text.getText()));
        var row = new HBox(6, text, copy);
        row.setAlignment(Pos.CENTER_LEFT);
        var hint = Panes.caption(i18n, "host.fingerprintHint");
        hint.setWrapText(true);
        getChildren().addAll(Panes.caption(i18n, "host.fingerprint"), row, hint);
        visibleProperty().bind(vm.fingerprintProperty().isNotNull());
        managedProperty().bind(visibleProperty());
    }
}
