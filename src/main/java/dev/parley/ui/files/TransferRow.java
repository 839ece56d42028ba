package dev.parley.ui.files;

import dev.parley.ui.common.I18n;
import javafx.beans.binding.Bindings;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;

/// One transfer in a row: what moves, a progress bar, how far and how fast (or why it failed),
/// and Cancel, or Retry and Dismiss after a failure.
public final class TransferRow extends HBox {

    public TransferRow(Transfer transfer, I18n i18n, Runnable dismiss) {
        super(8);
        getStyleClass().add("transfer-row");
        var state = transfer.stateProperty();
        var title = new Label();
        title.getStyleClass().add("transfer-name");
        title.textProperty().bind(i18n.text(transfer.direction() == Transfer.Direction.UPLOAD ? "files.upload" : "files.download",
                transfer.name()));
        var bar = new ProgressBar();
        bar.progressProperty().bind(Bindings.createDoubleBinding(() -> transfer.totalProperty().get() <= 0 ? -1
                : (double) transfer.doneProperty().get() / transfer.totalProperty().get(), transfer.doneProperty(), transfer.totalProperty()));
        bar.visibleProperty().bind(state.isNotEqualTo(Transfer.State.FAILED));
        bar.managedProperty().bind(bar.visibleProperty());
        var detail = new Label();
        detail.getStyleClass().add("transfer-detail");
        detail.setMinWidth(0);
        HBox.setHgrow(detail, Priority.ALWAYS);
        detail.textProperty().bind(Bindings.createStringBinding(() -> switch (state.get()) {
            case WAITING -> i18n.get("files.waiting");
            case FAILED -> i18n.get("files.failed", transfer.failureProperty().get());
            case DONE, CANCELLED -> "";
            case RUNNING -> transfer.totalProperty().get() < 0 ? i18n.get("files.preparing")
                    : i18n.get("files.progress", Sizes.bytes(transfer.doneProperty().get()),
                            Sizes.bytes(transfer.totalProperty().get()), Sizes.speed(transfer.speedProperty().get()));
        }, state, transfer.doneProperty(), transfer.totalProperty(), transfer.speedProperty(), transfer.failureProperty(),
                i18n.localeProperty()));
        var failed = state.isEqualTo(Transfer.State.FAILED);
        var cancel = button(i18n, "files.cancel", "files.cancel.accessible", transfer.name(), transfer::cancel);
        cancel.visibleProperty().bind(state.isEqualTo(Transfer.State.RUNNING).or(state.isEqualTo(Transfer.State.WAITING)));
        cancel.managedProperty().bind(cancel.visibleProperty());
        var retry = button(i18n, "files.retry", "files.retry.accessible", transfer.name(), transfer::retry);
        retry.visibleProperty().bind(failed);
        retry.managedProperty().bind(failed);
        var close = button(i18n, "files.dismiss", "files.dismiss.accessible", transfer.name(), dismiss);
        close.visibleProperty().bind(failed);
        close.managedProperty().bind(failed);
        getChildren().addAll(title, bar, detail, cancel, retry, close);
        failed.addListener((obs, was, now) -> pseudoClassStateChanged(FAILED, now));
    }

    private static final javafx.css.PseudoClass FAILED = javafx.css.PseudoClass.getPseudoClass("failed");

    static Button button(I18n i18n, String key, String accessibleKey, String name, Runnable action) {
        var button = new Button();
        button.textProperty().bind(i18n.text(key));
        button.accessibleTextProperty().bind(i18n.text(accessibleKey, name));
        button.setOnAction(e -> action.run());
        return button;
    }
}
