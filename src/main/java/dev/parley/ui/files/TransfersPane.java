package dev.parley.ui.files;

import dev.parley.ui.common.I18n;
import javafx.collections.ListChangeListener;
import javafx.scene.layout.VBox;

/// The running and failed transfers of a [SharedFiles], one [TransferRow] each, above the
/// input; it takes no room when there are none.
public final class TransfersPane extends VBox {

    public TransfersPane(SharedFiles files, I18n i18n) {
        super(4);
        getStyleClass().add("transfers");
        managedProperty().bind(visibleProperty());
        Runnable rebuild = () -> {
            getChildren().setAll(files.transfers().stream()
                    .map(transfer -> new TransferRow(transfer, i18n, () -> files.dismiss(transfer))).toList());
            setVisible(!getChildren().isEmpty());
        };
        files.transfers().addListener((ListChangeListener<Transfer>) change -> rebuild.run());
        rebuild.run();
    }
}
