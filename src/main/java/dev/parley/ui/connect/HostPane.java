package dev.parley.ui.connect;

import dev.parley.ui.common.I18n;
import dev.parley.ui.common.Note;
import dev.parley.ui.common.Panes;
import atlantafx.base.theme.Styles;
import dev.parley.protocol.Invite;
import dev.parley.server.ServerAddresses;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.OverrunStyle;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.control.TextFormatter;
import javafx.scene.control.ToggleButton;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/// "Host a room": port, optional password, the toggle, and — while hosting — the addresses
/// others on the LAN can join, each with a copy button.
public final class HostPane extends VBox {

    public HostPane(HostViewModel vm, I18n i18n) {
        super(6);
        getStyleClass().add("card");

        var port = new TextField();
        port.setId("hostPort");
        port.setPrefColumnCount(6);
        // Digits only; the value reaches the view model when it is a port number.
        port.setTextFormatter(new TextFormatter<>(change -> change.getControlNewText().matches("\\d{0,5}") ? change : null));
        port.setText(Integer.toString(vm.portProperty().get()));
        port.textProperty().addListener((obs, old, text) -> {
            if (!text.isEmpty() && Integer.parseInt(text) <= 65535) {
                vm.portProperty().set(Integer.parseInt(text));
            }
        });
        vm.portProperty().addListener((obs, old, value) -> port.setText(Integer.toString(value.intValue())));
        var password = new PasswordField();
        password.setId("hostPassword");
        password.promptTextProperty().bind(i18n.text("host.passwordPrompt"));
        password.textProperty().bindBidirectional(vm.passwordProperty());
        HBox.setHgrow(password, Priority.ALWAYS);
        var fields = new HBox(6, port, password);
        fields.disableProperty().bind(vm.hostingProperty().or(vm.busyProperty()));

        var tls = new javafx.scene.control.CheckBox();
        tls.setId("hostTls");
        tls.textProperty().bind(i18n.text("host.tls"));
        tls.selectedProperty().bindBidirectional(vm.tlsProperty());
        tls.disableProperty().bind(fields.disableProperty());

        var toggle = new ToggleButton();
        toggle.setId("hostToggle");
        toggle.setMaxWidth(Double.MAX_VALUE);
        toggle.getStyleClass().add(Styles.ACCENT);
        toggle.textProperty().bind(vm.hostingProperty().flatMap(on -> i18n.text(on ? "host.stop" : "host.start")));
        toggle.disableProperty().bind(vm.busyProperty());
        toggle.setOnAction(e -> {
            toggle.setSelected(vm.hostingProperty().get());
            if (vm.hostingProperty().get()) vm.stop(); else vm.start();
        });
        vm.hostingProperty().addListener((obs, old, on) -> toggle.setSelected(on));

        var useSuggested = new Button();
        useSuggested.setId("usePort");
        useSuggested.textProperty().bind(i18n.note(vm.suggestedPortProperty().map(p -> Note.of("host.usePort", p))));
        useSuggested.visibleProperty().bind(vm.suggestedPortProperty().greaterThan(0).and(vm.hostingProperty().not()));
        useSuggested.managedProperty().bind(useSuggested.visibleProperty());
        useSuggested.setOnAction(e -> vm.useSuggestedPort());

        var addresses = new VBox(4);
        addresses.setId("hostAddresses");
        var addressesTitle = Panes.caption(i18n, "host.addresses");
        addressesTitle.visibleProperty().bind(vm.hostingProperty());
        addressesTitle.managedProperty().bind(vm.hostingProperty());
        Runnable rows = () -> addresses.getChildren().setAll(vm.addresses().stream().map(a -> row(a, vm.reach(), i18n)).toList());
        vm.addresses().addListener((ListChangeListener<ServerAddresses.Joinable>) c -> rows.run());
        vm.reach().invites().addListener((ListChangeListener<Invite>) c -> rows.run());

        var announce = new CheckBox();
        announce.setId("hostAnnounce");
        announce.textProperty().bind(i18n.text("announce.checkbox"));
        announce.selectedProperty().bindBidirectional(vm.announcing().announceProperty());
        announce.disableProperty().bind(vm.announcing().allowedProperty().not());

        getChildren().addAll(Panes.title(i18n, "host.title"), Panes.caption(i18n, "host.portAndPassword"), fields,
                announce, toggle, Panes.note(i18n, vm.errorProperty(), "error-text"), useSuggested, addressesTitle, addresses,
                noNetwork(i18n, vm), note(i18n, vm.announcing().statusProperty(), "hostAnnounceStatus"),
                note(i18n, vm.firewallHintProperty(), "hostFirewall"), new ReachHintsPane(vm.reach(), i18n));
        // The QR code right under the addresses it shows.
        getChildren().add(getChildren().indexOf(addresses) + 1, new InvitePane(vm.reach(), i18n));
        // Added after, not inside the list above: the checkbox goes right under the fields.
        getChildren().add(getChildren().indexOf(fields) + 1, tls);
        getChildren().add(new FingerprintBox(vm, i18n));
    }

    private static Label noNetwork(I18n i18n, HostViewModel vm) {
        var label = Panes.note(i18n, vm.networkHintProperty(), "error-text");
        label.setId("hostNoNetwork");
        return label;
    }

    private static Label note(I18n i18n, javafx.beans.value.ObservableValue<Note> note, String id) {
        var label = Panes.note(i18n, note, Styles.TEXT_MUTED);
        label.getStyleClass().add(Styles.TEXT_SMALL);
        label.setId(id);
        return label;
    }

    /// One address: the browser invite when others can use it (a click shows its QR code), with
    /// "Copy" and "Copy invite link" (the app's `parley://` link) on the line under it, beside its
    /// interface; the bare address otherwise.
    private static Region row(ServerAddresses.Joinable joinable, ReachViewModel reach, I18n i18n) {
        var invite = reach.invites().stream().filter(i -> joinable.uri().getHost().equals(i.serverUri().getHost())).findFirst().orElse(null);
        var text = invite == null ? joinable.uri().toString() : invite.browserUrl();
        var uri = new Label(text);
        uri.getStyleClass().add("address");
        // Long IPv6 addresses lose their middle, not the port at the end.
        uri.setTextOverrun(OverrunStyle.CENTER_ELLIPSIS);
        uri.setTooltip(new Tooltip(text));
        var where = new Label(joinable.interfaceName());
        where.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
        where.setMinWidth(0);
        HBox.setHgrow(where, Priority.ALWAYS);
        where.setMaxWidth(Double.MAX_VALUE);
        var copy = new Button();
        copy.textProperty().bind(i18n.text("copy"));
        copy.getStyleClass().addAll(Styles.SMALL, "copy-address");
        copy.setMinWidth(Region.USE_PREF_SIZE);
        copy.setOnAction(e -> Panes.copy(text));
        var under = new HBox(6, where, copy);
        under.setAlignment(Pos.CENTER_LEFT);
        var row = new VBox(2, uri, under);
        row.setMinWidth(0);
        if (invite != null) {
            var link = new Button();
            link.textProperty().bind(i18n.text("host.copyInvite"));
            link.getStyleClass().addAll(Styles.SMALL, "copy-invite");
            link.setMinWidth(Region.USE_PREF_SIZE);
            link.setOnAction(e -> Panes.copy(invite.appLink()));
            under.getChildren().add(link);
            row.setOnMouseClicked(e -> reach.show(invite));
        }
        return row;
    }
}
