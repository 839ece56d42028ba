package dev.parley.ui.connect;

import dev.parley.ui.common.I18n;
import atlantafx.base.theme.Styles;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/// A banner above the log when a pinned server shows another certificate: what changed, and
/// "Trust the new certificate" or "Cancel". Not a modal dialog, so nothing else waits on it.
public final class CertificateBanner extends VBox {

    public CertificateBanner(TrustViewModel vm, I18n i18n) {
        super(6);
        setId("certificateChanged");
        setPadding(new Insets(8, 12, 8, 12));
        getStyleClass().add("certificate-banner");
        var title = new Label();
        title.textProperty().bind(i18n.text("tls.changedTitle"));
        title.getStyleClass().addAll(Styles.TEXT_BOLD, Styles.DANGER);
        var detail = new Label();
        detail.setId("certificateChangedDetail");
        detail.setWrapText(true);
        detail.textProperty().bind(i18n.note(vm.changedProperty()));
        var trust = new Button();
        trust.setId("trustNewCertificate");
        trust.textProperty().bind(i18n.text("tls.trustNew"));
        trust.getStyleClass().add(Styles.DANGER);
        trust.setOnAction(e -> vm.trustNew());
        var cancel = new Button();
        cancel.setId("cancelNewCertificate");
        cancel.textProperty().bind(i18n.text("cancel"));
        cancel.setOnAction(e -> vm.cancel());
        var buttons = new HBox(6, trust, cancel);
        buttons.setAlignment(Pos.CENTER_LEFT);
        getChildren().addAll(title, detail, buttons);
        visibleProperty().bind(vm.changedProperty().isNotNull());
        managedProperty().bind(visibleProperty());
    }
}
