package dev.parley.ui.connect;

import dev.parley.ui.common.I18n;
import dev.parley.ui.common.Note;
import dev.parley.ui.common.Panes;
import atlantafx.base.theme.Styles;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.image.ImageView;
import javafx.scene.layout.VBox;

/// While hosting: the shown invite as a QR code a phone's camera opens, its address under it,
/// and where to send someone who cannot join (the `/check` page).
final class InvitePane extends VBox {

    /// Pixels a QR module: big enough for a phone a metre away, small enough for the pane.
    private static final int MODULE_PIXELS = 4;

    InvitePane(ReachViewModel vm, I18n i18n) {
        super(4);
        setAlignment(Pos.CENTER_LEFT);
        var caption = Panes.caption(i18n, "host.invite");
        var qr = new ImageView();
        qr.setId("hostQr");
        qr.setSmooth(false);
        qr.imageProperty().bind(vm.shownProperty().map(invite -> QrCode.image(invite.browserUrl(), MODULE_PIXELS)));
        var address = new Label();
        address.setId("hostQrAddress");
        address.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
        address.textProperty().bind(vm.shownProperty().map(invite -> invite.browserUrl()));
        var check = Panes.note(i18n, vm.shownProperty().map(invite -> Note.of("host.checkHint", invite.checkUrl())), Styles.TEXT_MUTED);
        check.setId("hostCheckHint");
        check.getStyleClass().add(Styles.TEXT_SMALL);
        getChildren().addAll(caption, qr, address, check);
        visibleProperty().bind(vm.shownProperty().isNotNull());
        managedProperty().bind(visibleProperty());
    }
}
