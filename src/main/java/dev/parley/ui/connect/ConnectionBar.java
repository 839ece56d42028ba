package dev.parley.ui.connect;

import atlantafx.base.theme.Styles;
import dev.parley.ui.common.I18n;
import dev.parley.ui.common.Panes;
import dev.parley.ui.common.Session;
import javafx.beans.binding.Bindings;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.OverrunStyle;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;

/// The header's connection control while connected: where to (the invite address while hosting)
/// with Copy, the invite panel's toggle and Stop hosting while hosting, and Leave.
public final class ConnectionBar extends HBox {

    private final ToggleButton invite = new ToggleButton();

    public ConnectionBar(Session session, HostViewModel host, I18n i18n) {
        super(6);
        setId("connectionBar");
        setAlignment(Pos.CENTER_LEFT);
        var address = new Label();
        address.setId("connectedAddress");
        address.getStyleClass().addAll("address", Styles.TEXT_MUTED);
        address.setTextOverrun(OverrunStyle.CENTER_ELLIPSIS);
        address.setMaxWidth(320);
        address.textProperty().bind(Bindings.createStringBinding(() -> shared(session, host),
                session.attemptProperty(), host.hostingProperty(), host.reach().invites(), host.addresses()));
        var tip = new Tooltip();
        tip.textProperty().bind(address.textProperty());
        address.setTooltip(tip);
        address.accessibleTextProperty().bind(address.textProperty());

        var copy = button("copyAddress", i18n, "copy");
        copy.setOnAction(e -> Panes.copy(address.getText()));
        copy.accessibleTextProperty().bind(i18n.text("connect.copyAddress"));

        invite.setId("inviteToggle");
        invite.textProperty().bind(i18n.text("connect.invite"));
        invite.getStyleClass().add(Styles.SMALL);
        invite.visibleProperty().bind(host.hostingProperty());
        invite.managedProperty().bind(invite.visibleProperty());
        // Hosting just began: the addresses and the QR code are what the host wants next.
        host.hostingProperty().addListener((obs, old, on) -> invite.setSelected(on));
        invite.setSelected(host.hostingProperty().get());

        var stop = button("stopHosting", i18n, "host.stop");
        stop.visibleProperty().bind(host.hostingProperty());
        stop.managedProperty().bind(stop.visibleProperty());
        stop.setOnAction(e -> host.stop());
        var leave = button("leave", i18n, "connect.leave");
        leave.getStyleClass().add(Styles.DANGER);
        leave.setOnAction(e -> session.leave());
        getChildren().addAll(address, copy, invite, stop, leave);
    }

    /// Selected while the invite panel (addresses, QR code, reach hints) shows.
    public ToggleButton invite() {
        return invite;
    }

    /// The address others join at: the browser invite of the room this window hosts, else the
    /// address this window connected to.
    private static String shared(Session session, HostViewModel host) {
        if (host.hostingProperty().get() && !host.reach().invites().isEmpty()) {
            return host.reach().invites().getFirst().browserUrl();
        }
        if (host.hostingProperty().get() && !host.addresses().isEmpty()) {
            return host.addresses().getFirst().uri().toString();
        }
        var attempt = session.attemptProperty().get();
        return attempt == null ? "" : attempt.label();
    }

    private static Button button(String id, I18n i18n, String key) {
        var button = new Button();
        button.setId(id);
        button.textProperty().bind(i18n.text(key));
        button.getStyleClass().add(Styles.SMALL);
        button.setMinWidth(Region.USE_PREF_SIZE);
        return button;
    }
}
