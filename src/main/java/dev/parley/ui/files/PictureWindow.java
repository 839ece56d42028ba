package dev.parley.ui.files;

import dev.parley.protocol.Message;
import dev.parley.ui.common.I18n;
import javafx.geometry.Rectangle2D;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.image.ImageView;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.StackPane;
import javafx.stage.Screen;
import javafx.stage.Stage;
import javafx.stage.Window;

/// A shared picture at full size in a window of its own, scrolled when larger than the screen;
/// Escape closes it.
final class PictureWindow {

    private PictureWindow() {}

    static Stage show(Message.FileInfo file, Pictures pictures, I18n i18n, Window owner) {
        var stage = new Stage();
        stage.initOwner(owner);
        stage.setTitle(i18n.get("files.pictureWindow.title", file.name()));
        var status = new Label();
        status.textProperty().bind(i18n.text("files.picture.loading"));
        var view = new ImageView();
        view.accessibleTextProperty().bind(i18n.text("files.picture.full", file.name()));
        var scroll = new ScrollPane(new StackPane(view));
        scroll.setPannable(true);
        var root = new StackPane(scroll, status);
        root.getStyleClass().add("picture-window");
        Rectangle2D screen = Screen.getPrimary().getVisualBounds();
        double width = Math.min(screen.getWidth() * 0.9, file.width() == null ? 800 : file.width() + 24);
        double height = Math.min(screen.getHeight() * 0.9, file.height() == null ? 600 : file.height() + 24);
        var scene = new Scene(root, Math.max(200, width), Math.max(150, height));
        scene.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ESCAPE) {
                stage.close();
            }
        });
        stage.setScene(scene);
        stage.show();
        pictures.full(file, loaded -> {
            if (loaded.image() != null) {
                view.setImage(loaded.image());
                status.setVisible(false);
            } else {
                status.textProperty().bind(i18n.text("files.picture.failed", loaded.failure()));
            }
        });
        return stage;
    }
}
