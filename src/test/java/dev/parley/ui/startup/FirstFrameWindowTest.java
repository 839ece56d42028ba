package dev.parley.ui.startup;

import static dev.parley.ui.WindowFixture.fx;
import static dev.parley.ui.WindowFixture.until;
import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.ui.MainView;
import dev.parley.ui.ParleyWindow;
import dev.parley.ui.common.Settings;
import dev.parley.ui.WindowFixture;
import java.nio.file.Files;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Control;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/// The app's window goes on screen as an outline first and is built in it one frame later: the
/// outline is shown and laid out before the build starts, the built window keeps the outline's
/// scene and size and is laid out at once, and a window closed before its first frame is never
/// built.
@ExtendWith(ApplicationExtension.class)
@Timeout(60)
class FirstFrameWindowTest {

    private Stage stage;
    private ParleyWindow window;

    /// A stage of its own: TestFX's primary stage comes from the tests before, its title bound.
    @Start
    void start(Stage primary) {
        stage = new Stage();
    }

    @AfterEach
    void stop() {
        WindowFixture.shutdown(window);
        fx(() -> { stage.hide(); return null; });
    }

    private static Settings settings(Settings.Theme theme) {
        var settings = new Settings();
        settings.name("ann");
        settings.language("en");
        settings.size(900, 600);
        settings.theme(theme);
        return settings;
    }

    /// What the outline looked like when the build began.
    private record AtBuild(boolean showing, double outlineWidth, Scene scene, Color fill) {}

    @Test
    void theOutlineIsOnScreenAndLaidOutBeforeTheWindowIsBuiltInIt() throws Exception {
        var data = Files.createTempDirectory("parley-first-frame");
        var settings = settings(Settings.Theme.LIGHT);
        var atBuild = new CompletableFuture<AtBuild>();
        var builtLaidOut = new CompletableFuture<Boolean>();
        fx(() -> {
            FirstFrame.show(stage, settings, () -> {
                var scene = stage.getScene();
                atBuild.complete(new AtBuild(stage.isShowing(), scene.getRoot().getLayoutBounds().getWidth(), scene,
                        (Color) scene.getFill()));
                window = ParleyWindow.open(stage, settings, data);
                // Styled and laid out before the next pulse, so that it is drawn in one frame: the
                // controls have their skins and their sizes already.
                var host = (Control) scene.lookup("#hostToggle");
                builtLaidOut.complete(host.getSkin() != null && host.getWidth() > 0);
            });
            assertThat(stage.isShowing()).isTrue();
            assertThat(stage.getTitle()).isEqualTo("Parley");
            // Nothing of the real window yet: the build waits for the outline's first frame.
            assertThat(atBuild).isNotDone();
            return null;
        });
        var outline = atBuild.get(15, TimeUnit.SECONDS);
        assertThat(outline.showing()).isTrue();
        assertThat(outline.outlineWidth()).as("the outline was laid out").isEqualTo(900);
        assertThat(outline.fill()).isEqualTo(Color.WHITE);

        until("the window built", () -> window != null && stage.getScene().getRoot() instanceof MainView);
        assertThat(builtLaidOut.get(15, TimeUnit.SECONDS)).as("laid out when built").isTrue();
        assertThat(fx(stage::getScene)).as("the built window keeps the outline's scene").isSameAs(outline.scene());
        assertThat(fx(() -> stage.getScene().getWidth())).isEqualTo(900);
        assertThat(fx(() -> stage.getScene().getHeight())).isEqualTo(600);
        assertThat(fx(() -> stage.getScene().getStylesheets())).anyMatch(sheet -> sheet.endsWith("parley.css"));
        until("the title from the language", () -> stage.titleProperty().isBound());
    }

    @Test
    void aDarkWindowStartsDark() throws Exception {
        var fill = fx(() -> {
            FirstFrame.show(stage, settings(Settings.Theme.DARK), () -> { });
            return stage.getScene().getFill();
        });
        assertThat(fill).isEqualTo(Color.web("#0d1117"));
    }

    @Test
    void aWindowClosedRightAfterItsFirstFrameIsNeverBuilt() throws Exception {
        var builds = new AtomicInteger();
        var closed = new CompletableFuture<Void>();
        var decided = new CompletableFuture<Void>();
        Consumer<Runnable> post = buildUnlessClosed -> Platform.runLater(() -> {
            buildUnlessClosed.run();
            decided.complete(null);
        });
        fx(() -> {
            FirstFrame.show(stage, settings(Settings.Theme.LIGHT), builds::incrementAndGet, post);
            // Runs in the outline's first pulse after the listener that schedules the build:
            // the user closed the window between the first frame and the build.
            Runnable[] close = new Runnable[1];
            close[0] = () -> {
                stage.getScene().removePostLayoutPulseListener(close[0]);
                stage.hide();
                closed.complete(null);
            };
            stage.getScene().addPostLayoutPulseListener(close[0]);
            return null;
        });
        closed.get(15, TimeUnit.SECONDS);
        // The build is posted once the renderer has drawn the outline; it has run, or been
        // skipped, when the posted task returns.
        decided.get(15, TimeUnit.SECONDS);
        assertThat(builds).hasValue(0);
    }
}
