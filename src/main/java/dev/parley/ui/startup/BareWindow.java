package dev.parley.ui.startup;

import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.Background;
import javafx.scene.paint.Color;
import javafx.stage.Stage;

/// The yardstick of `packaging/measure-startup.sh`: the least a JavaFX app can show — one stage,
/// one label — started through the installed launcher, runtime and renderer choice, so that
/// Parley's start-up is judged as a multiple of it, not in seconds that differ from one machine
/// to the next. Its fill is the colour the script waits for (the outline's header colour, which
/// GTK's own window background is not). Not used by the app.
public final class BareWindow extends Application {

    static final Color FILL = Color.web("#f6f8fa");

    public static void main(String[] args) {
        Rendering.choose();
        launch(BareWindow.class, args);
    }

    @Override
    public void start(Stage stage) {
        stage.setTitle("Parley");
        var label = new Label("Parley");
        // Modena paints the root's background over the scene's fill; a value set in code wins over it.
        label.setBackground(Background.fill(FILL));
        stage.setScene(new Scene(label, 1100, 720));
        stage.show();
    }
}
