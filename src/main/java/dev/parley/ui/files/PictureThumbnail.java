package dev.parley.ui.files;

import dev.parley.protocol.Message;
import dev.parley.ui.common.I18n;
import java.nio.file.Path;
import java.util.function.BiFunction;
import javafx.scene.AccessibleRole;
import javafx.scene.Cursor;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.image.ImageView;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.StackPane;
import javafx.stage.Window;

/// A shared picture inline: its thumbnail, fetched in the background at the size shown (the
/// space is kept from the start, so the log does not jump when it arrives); a click or Enter
/// opens the whole picture in a window, the context menu saves it.
public final class PictureThumbnail extends StackPane {

    /// The largest a thumbnail is shown.
    static final double MAX_WIDTH = 320;
    static final double MAX_HEIGHT = 240;

    private final ImageView view = new ImageView();
    private final Label placeholder = new Label();

    PictureThumbnail(Message.FileInfo file, java.util.function.Supplier<SharedFiles> files, Pictures pictures, I18n i18n,
                     BiFunction<Window, String, Path> saveAs) {
        getStyleClass().add("picture-thumbnail");
        double scale = file.width() == null || file.height() == null || file.width() <= 0 || file.height() <= 0 ? 1
                : Math.min(1, Math.min(MAX_WIDTH / file.width(), MAX_HEIGHT / file.height()));
        double width = file.width() == null ? MAX_WIDTH : Math.max(1, Math.round(file.width() * scale));
        double height = file.height() == null ? MAX_HEIGHT : Math.max(1, Math.round(file.height() * scale));
        setMinSize(width, height);
        setPrefSize(width, height);
        setMaxSize(width, height);
        view.setPreserveRatio(true);
        view.setFitWidth(width);
        view.setFitHeight(height);
        placeholder.textProperty().bind(i18n.text("files.picture.loading"));
        getChildren().addAll(placeholder, view);
        setAccessibleRole(AccessibleRole.IMAGE_VIEW);
        accessibleTextProperty().bind(i18n.text("files.picture.accessible", file.name()));
        setFocusTraversable(true);
        setCursor(Cursor.HAND);
        setOnMouseClicked(e -> PictureWindow.show(file, pictures, i18n, getScene().getWindow()));
        setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER || e.getCode() == KeyCode.SPACE) {
                PictureWindow.show(file, pictures, i18n, getScene().getWindow());
            }
        });
        var save = new MenuItem();
        save.textProperty().bind(i18n.text("files.saveAs"));
        save.setOnAction(e -> {
            var target = saveAs.apply(getScene().getWindow(), file.name());
            if (target != null && files.get() != null) {
                // A picture is saved like any file; its progress shows with the other transfers.
                files.get().download(file, target);
            }
        });
        setOnContextMenuRequested(e -> new ContextMenu(save).show(this, e.getScreenX(), e.getScreenY()));
        pictures.thumbnail(file, width, height, loaded -> {
            if (loaded.image() != null) {
                view.setImage(loaded.image());
                placeholder.textProperty().unbind();
                placeholder.setText("");
            } else {
                placeholder.textProperty().bind(i18n.text("files.picture.failed", loaded.failure()));
            }
        });
    }

    /// The picture as shown, null until loaded.
    public javafx.scene.image.Image image() {
        return view.getImage();
    }
}
