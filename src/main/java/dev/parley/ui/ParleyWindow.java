package dev.parley.ui;

import dev.parley.ui.common.FxBackground;
import dev.parley.ui.common.I18n;
import dev.parley.ui.common.Settings;
import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import dev.parley.client.ClientEvent;
import dev.parley.client.KnownServers;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;
import javafx.util.Duration;

/// Builds the window on a stage: view model, view, theme, language, the once-a-second tick.
/// Used by `ui.startup.ParleyApp` and by the window tests (TestFX hands them a stage).
public final class ParleyWindow {

    private static final System.Logger LOG = System.getLogger(ParleyWindow.class.getName());

    private final Stage stage;
    private final Settings settings;
    private final Path data;
    private final MainViewModel model;
    private final I18n i18n;
    private final Timeline ticker;
    private final Notices notices;

    private ParleyWindow(Stage stage, Settings settings, Path data) {
        this.stage = stage;
        this.settings = settings;
        this.data = data;
        this.model = new MainViewModel(Platform::runLater, new FxBackground(), Clock.systemUTC(), settings,
                data.resolve("history"));
        this.i18n = new I18n(settings.language());
        model.onSettingsChanged(this::saveSettings);
        model.serverKeys(new dev.parley.client.ServerKeys(data.resolve("server_keys")));
        model.trust().words(note -> i18n.get(note.key(), note.args().toArray()));
        try {
            model.trust().knownServers(KnownServers.inFolder(data));
        } catch (IOException damaged) {
            // Pins stay in memory this session; the damaged file is left for the user to inspect.
            LOG.log(System.Logger.Level.WARNING, "trusted servers not loaded: " + damaged.getMessage());
            model.log().apply(new ClientEvent.SystemNotice(i18n.get("tls.pinsUnreadable", damaged.getMessage())));
        }
        // The theme first: the first control class to load sets JavaFX's own Modena stylesheet
        // (parsed, then thrown away for the theme) unless a user-agent stylesheet is set already.
        applyTheme(settings.theme());
        var view = new MainView(model, i18n, this);
        // A stage already on screen (the app's `ui.startup.FirstFrame`) keeps its scene and its size.
        var scene = stage.getScene();
        var onScreen = scene != null;
        if (onScreen) {
            scene.setRoot(view);
        } else {
            scene = new Scene(view, settings.width(), settings.height());
            stage.setScene(scene);
        }
        scene.getStylesheets().add(ParleyWindow.class.getResource("parley.css").toExternalForm());
        if (onScreen) {
            // Styled and laid out now, as Stage.show does for a new window: left to the next pulse,
            // the first frame leaves regions to redraw in the one after, while the first is still
            // being copied to the screen, and JavaFX's software renderer keeps another
            // window-sized buffer for that.
            view.applyCss();
            view.layout();
        }
        notices = WindowNotices.attach(stage, model, i18n, data);
        stage.titleProperty().bind(WindowNotices.title(i18n, notices));
        ticker = new Timeline(new KeyFrame(Duration.seconds(1), e -> { model.tick(); notices.tick(); }));
        ticker.setCycleCount(Animation.INDEFINITE);
        ticker.play();
        model.startBrowsing();
    }

    public static ParleyWindow open(Stage stage, Settings settings, Path data) {
        var window = new ParleyWindow(stage, settings, data);
        stage.show();
        return window;
    }

    public MainViewModel model() {
        return model;
    }

    public Scene scene() {
        return stage.getScene();
    }

    public I18n i18n() {
        return i18n;
    }

    public Notices notices() {
        return notices;
    }

    /// The theme's precompiled binary stylesheet: AtlantaFX ships one beside each CSS file, and
    /// loading it is much quicker than parsing the text at start-up.
    public void applyTheme(Settings.Theme theme) {
        settings.theme(theme);
        Application.setUserAgentStylesheet(theme == Settings.Theme.DARK
                ? new PrimerDark().getUserAgentStylesheetBSS() : new PrimerLight().getUserAgentStylesheetBSS());
    }

    public void language(String tag) {
        settings.language(tag);
        i18n.use(tag);
        saveSettings();
    }

    /// Saves a snapshot on a virtual thread: disk never blocks the FX thread.
    public void saveSettings() {
        var snapshot = snapshot();
        new FxBackground().run("settings-save", () -> { snapshot.save(data); return snapshot; }, s -> { },
                e -> LOG.log(System.Logger.Level.WARNING, "settings not saved: " + e));
    }

    private Settings snapshot() {
        settings.size(stage.getWidth() > 0 ? stage.getWidth() : settings.width(),
                stage.getHeight() > 0 ? stage.getHeight() : settings.height());
        return settings.copy();
    }

    /// On exit: leave the room, stop hosting, save — off the FX thread, waiting a bounded time.
    public void shutdown() throws InterruptedException {
        ticker.stop();
        notices.close();
        model.disconnect();
        var server = model.host().server();
        var announcer = model.host().announcing().detach();
        var browser = model.stopBrowsing();
        var snapshot = snapshot();
        var worker = Thread.ofVirtual().name("parley-shutdown").start(() -> {
            // Withdraw the announcement first, so browsers drop the room before its port closes.
            if (announcer != null) {
                announcer.close();
            }
            if (browser != null) {
                browser.close();
            }
            if (server != null) {
                server.stop();
            }
            try {
                snapshot.save(data);
            } catch (IOException e) {
                LOG.log(System.Logger.Level.WARNING, "settings not saved: " + e);
            }
        });
        worker.join(5_000);
    }
}
