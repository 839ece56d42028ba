package dev.parley.ui.files;

import dev.parley.protocol.Message;
import dev.parley.ui.common.I18n;
import java.nio.file.Path;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/// A shared file that is not a picture: its name and size, "Save as…" and "Open" (which
/// downloads into the Downloads folder first), and the download's progress while it runs.
public final class FileCard extends VBox {

    private final Message.FileInfo file;
    private final Supplier<SharedFiles> files;
    private final Consumer<Path> open;
    private final ObjectProperty<Transfer> running = new SimpleObjectProperty<>();
    private Path saved;

    FileCard(Message.FileInfo file, Supplier<SharedFiles> files, I18n i18n, Consumer<Path> open, BiFunction<Window, String, Path> saveAs) {
        super(4);
        this.file = file;
        this.files = files;
        this.open = open;
        getStyleClass().add("file-card");
        var name = new Label(file.name());
        name.getStyleClass().add("file-name");
        var size = new Label(file.size() == null ? "" : Sizes.bytes(file.size()));
        size.getStyleClass().add("file-size");
        var save = TransferRow.button(i18n, "files.saveAs", "files.saveAs.accessible", file.name(), () -> {
            var target = saveAs.apply(getScene().getWindow(), file.name());
            if (target != null) {
                fetch(target, false);
            }
        });
        var openIt = TransferRow.button(i18n, "files.open", "files.open.accessible", file.name(), this::open);
        var idle = running.isNull();
        for (var button : new Button[] {save, openIt}) {
            // Own files are not on the server until the share is acknowledged.
            button.disableProperty().bind(idle.not().or(new SimpleObjectProperty<>(file.url()).isNull()));
        }
        var head = new HBox(8, name, size, save, openIt);
        head.getStyleClass().add("file-card-head");
        getChildren().add(head);
        accessibleTextProperty().bind(i18n.text("files.card.accessible", file.name(), size.getText()));
        running.addListener((obs, old, now) -> {
            if (old != null) {
                getChildren().removeIf(node -> node instanceof TransferRow);
            }
            if (now != null) {
                getChildren().add(new TransferRow(now, i18n, () -> { now.cancel(); running.set(null); }));
            }
        });
    }

    private void open() {
        if (saved != null && java.nio.file.Files.isRegularFile(saved)) {
            open.accept(saved);
        } else {
            fetch(null, true);
        }
    }

    private void fetch(Path target, boolean thenOpen) {
        var shared = files.get();
        if (shared == null) {
            return; // not connected: nowhere to fetch it from
        }
        var transfer = shared.download(file, target);
        running.set(transfer);
        transfer.stateProperty().addListener((obs, old, now) -> {
            if (now == Transfer.State.DONE) {
                saved = transfer.resultProperty().get();
                running.set(null);
                if (thenOpen) {
                    open.accept(saved);
                }
            } else if (now == Transfer.State.CANCELLED) {
                running.set(null);
            }
        });
    }

    /// The download running now, or null.
    public Transfer download() {
        return running.get();
    }

    /// Where this card last saved its file, or null.
    public Path saved() {
        return saved;
    }
}
