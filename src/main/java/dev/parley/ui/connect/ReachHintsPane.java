package dev.parley.ui.connect;

import dev.parley.ui.common.I18n;
import dev.parley.ui.common.Panes;
import atlantafx.base.theme.Styles;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import javafx.collections.ListChangeListener;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/// While hosting, why others may not get in: attempts the server refused (by address and
/// reason), the command that opens the firewall after a silence, and a warning for networks
/// that usually isolate their devices. Every part takes no space while it has nothing to say.
final class ReachHintsPane extends VBox {

    ReachHintsPane(ReachViewModel vm, I18n i18n) {
        super(4);
        var isolation = Panes.note(i18n, vm.isolationProperty(), "error-text");
        isolation.setId("hostIsolation");

        var refusedTitle = Panes.caption(i18n, "host.refused");
        var refused = new VBox(2);
        refused.setId("hostRefused");
        Runnable rows = () -> refused.getChildren().setAll(vm.refused().stream().map(row -> {
            var label = new Label(i18n.get("reach.refusedRow", row.address(), i18n.get("reach.reason." + row.reason()),
                    row.detail(), row.count(), LocalTime.ofInstant(row.last(), ZoneId.systemDefault()).truncatedTo(ChronoUnit.SECONDS)));
            label.setWrapText(true);
            label.getStyleClass().add(Styles.TEXT_SMALL);
            return label;
        }).toList());
        vm.refused().addListener((ListChangeListener<ReachViewModel.RefusedRow>) change -> rows.run());
        i18n.localeProperty().addListener((obs, old, locale) -> rows.run());
        refusedTitle.visibleProperty().bind(javafx.beans.binding.Bindings.isNotEmpty(vm.refused()));
        refusedTitle.managedProperty().bind(refusedTitle.visibleProperty());

        var quiet = Panes.note(i18n, vm.quietHintProperty(), Styles.TEXT_MUTED);
        quiet.setId("hostQuiet");
        var command = new TextField();
        command.setId("hostFirewallCommand");
        command.setEditable(false);
        command.textProperty().bind(vm.firewallCommandProperty());
        HBox.setHgrow(command, Priority.ALWAYS);
        var copy = new Button();
        copy.textProperty().bind(i18n.text("copy"));
        copy.getStyleClass().add(Styles.SMALL);
        copy.setMinWidth(Region.USE_PREF_SIZE);
        copy.setOnAction(e -> Panes.copy(command.getText()));
        var commandRow = new HBox(6, command, copy);
        commandRow.visibleProperty().bind(vm.firewallCommandProperty().isNotEmpty());
        commandRow.managedProperty().bind(commandRow.visibleProperty());

        getChildren().addAll(isolation, refusedTitle, refused, quiet, commandRow);
    }
}
