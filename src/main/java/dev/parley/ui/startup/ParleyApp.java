package dev.parley.ui.startup;

import dev.parley.protocol.Invite;
import dev.parley.protocol.OwnerOnly;
import dev.parley.server.DataFolder;
import dev.parley.ui.ParleyWindow;
import dev.parley.ui.common.Settings;
import java.io.IOException;
import java.nio.file.Path;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.stage.Stage;

/// The JavaFX application: reads the settings (off the FX thread, in `init`), puts the window's
/// [FirstFrame] on screen, builds the [ParleyWindow] in it, and on exit stops hosting, closes the
/// connection and saves the settings.
public final class ParleyApp extends Application {

    private Path data;
    private Settings settings;
    private ParleyWindow window;

    @Override
    public void init() {
        data = DataFolder.resolve(getParameters().getRaw());
        try {
            OwnerOnly.tighten(data); // also what an earlier version left readable to others
        } catch (IOException unreadable) {
            System.getLogger(ParleyApp.class.getName()).log(System.Logger.Level.WARNING, "cannot restrict " + data, unreadable);
        }
        settings = Settings.load(data);
    }

    @Override
    public void start(Stage stage) {
        StartupTrace.mark("start");
        FirstFrame.show(stage, settings, () -> build(stage));
        StartupTrace.mark("shown");
    }

    private void build(Stage stage) {
        window = ParleyWindow.open(stage, settings, data);
        StartupTrace.mark("built");
        if (getParameters().getRaw().contains("--no-announce")) {
            window.model().host().announcing().allowedProperty().set(false);
        }
        // Opened from a parley:// link (the desktop's scheme handler passes it as an argument).
        getParameters().getRaw().stream().filter(Invite::isAppLink).findFirst()
                .ifPresent(link -> window.model().join().open(link));
        if (Rehearsal.asked()) {
            Rehearsal.start(window.model(), Platform::runLater);
        }
    }

    @Override
    public void stop() throws InterruptedException {
        if (window != null) {
            window.shutdown();
        }
    }
}
