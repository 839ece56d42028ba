package dev.parley.ui;

import dev.parley.ui.common.FxBackground;
import dev.parley.ui.common.I18n;
import dev.parley.ui.notify.Delay;
import dev.parley.ui.notify.Notifiers;
import dev.parley.ui.notify.NotifySettings;
import dev.parley.ui.notify.TaskbarBadge;
import dev.parley.ui.notify.Tone;
import dev.parley.ui.notify.UnreadCounts;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Executors;
import javafx.animation.PauseTransition;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseEvent;
import javafx.stage.Stage;
import javafx.util.Duration;

/// Hooks [Notices] to a window: its focus, the room it shows, the person's input, the client's
/// events, and a click on a notification (which brings the window forward on that room).
final class WindowNotices {

    private WindowNotices() {}

    static Notices attach(Stage stage, MainViewModel model, I18n i18n, Path data) {
        // One thread for the notifier: it is made there at the first notification and only used there.
        var notifierThread = Executors.newSingleThreadExecutor(Thread.ofVirtual().name("parley-notify").factory());
        var tone = new Tone();
        var notices = new Notices(new NotifySettings(), i18n::get, later(), Clock.systemUTC(),
                Notifiers::forThisSystem, notifierThread, tone::play);
        // Disk off the FX thread: the defaults hold for the moment the file takes to read.
        var background = new FxBackground();
        background.run("notify-settings", () -> NotifySettings.load(data), notices.settings()::adopt, failed -> { });
        notices.onSettingsChanged(() -> {
            var snapshot = notices.settings().copy();
            background.run("notify-settings-save", () -> { snapshot.save(data); return snapshot; }, saved -> { },
                    failed -> System.getLogger(WindowNotices.class.getName())
                            .log(System.Logger.Level.WARNING, "notification settings not saved: " + failed));
        });
        model.watch(notices::event);
        notices.showing(model.conversations().active());
        model.conversations().activeProperty().addListener((obs, old, room) -> notices.showing(room));
        notices.focused(stage.isFocused());
        stage.focusedProperty().addListener((obs, old, focused) -> notices.focused(focused));
        stage.sceneProperty().addListener((obs, old, scene) -> listenForInput(scene, notices));
        listenForInput(stage.getScene(), notices);
        badge(notices, notifierThread);
        notices.onClick(conversation -> Platform.runLater(() -> {
            stage.setIconified(false);
            stage.show();
            stage.toFront();
            stage.requestFocus();
            if (!conversation.startsWith("@")) {
                model.conversations().select(conversation);
            }
        }));
        return notices;
    }

    /// The window title with the unread total in front: "(3) Parley".
    static StringBinding title(I18n i18n, Notices notices) {
        var appTitle = i18n.text("app.title");
        return Bindings.createStringBinding(() -> UnreadCounts.title(appTitle.get(), notices.unreadProperty().get()),
                appTitle, notices.unreadProperty());
    }

    /// The unread total on the dock or taskbar icon, on Windows and macOS: on Linux the AWT
    /// toolkit it would load has no badge to show. Set off the FX thread, since AWT has its own.
    private static void badge(Notices notices, java.util.concurrent.Executor awtSide) {
        var os = System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT);
        if (!os.contains("win") && !os.contains("mac")) {
            return;
        }
        var badge = new TaskbarBadge();
        notices.unreadProperty().addListener((obs, old, total) -> awtSide.execute(() -> badge.show(total.intValue())));
    }

    private static void listenForInput(javafx.scene.Scene scene, Notices notices) {
        if (scene != null) {
            scene.addEventFilter(KeyEvent.KEY_PRESSED, e -> notices.input());
            scene.addEventFilter(MouseEvent.MOUSE_MOVED, e -> notices.input());
        }
    }

    private static Delay later() {
        return (delay, action) -> {
            var pause = new PauseTransition(Duration.millis(delay.toMillis()));
            pause.setOnFinished(e -> action.run());
            pause.play();
            return pause::stop;
        };
    }
}
