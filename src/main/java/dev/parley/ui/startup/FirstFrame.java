package dev.parley.ui.startup;

import dev.parley.ui.common.Settings;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.geometry.Insets;
import javafx.scene.Scene;
import javafx.scene.layout.Background;
import javafx.scene.layout.BackgroundFill;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.Border;
import javafx.scene.layout.BorderStroke;
import javafx.scene.layout.BorderStrokeStyle;
import javafx.scene.layout.BorderWidths;
import javafx.scene.layout.CornerRadii;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.stage.Stage;

/// Puts the window on screen as soon as JavaFX runs, before its controls exist: the window's
/// size and title, and its outline (header, side pane, status bar) in the theme's colours,
/// drawn from plain regions without a stylesheet. The real view is built as soon as the outline's
/// first frame is drawn, and replaces it: building that view (its first CSS pass above all) is
/// most of a start, and a double-click should show a window while it runs.
final class FirstFrame {

    /// AtlantaFX Primer's `-color-bg-default`, `-color-bg-subtle`, `-color-border-default`.
    private record Palette(Color base, Color subtle, Color line) {}

    private static final Palette LIGHT = new Palette(Color.web("#ffffff"), Color.web("#f6f8fa"), Color.web("#d0d7de"));
    private static final Palette DARK = new Palette(Color.web("#0d1117"), Color.web("#161b22"), Color.web("#30363d"));

    /// How long the build waits for the outline's frame at most.
    private static final long RENDERER_LIMIT_NANOS = 500_000_000;

    private FirstFrame() {}

    /// Shows `stage` with the outline, then runs `build` on the FX thread once the outline's first
    /// frame is drawn; `build` is skipped when the window was closed meanwhile.
    static void show(Stage stage, Settings settings, Runnable build) {
        show(stage, settings, build, Platform::runLater);
    }

    /// [#show(Stage, Settings, Runnable)], the build (or its skipping) handed to `post`, which
    /// must run it on the FX thread: a test learns from it when the decision was taken.
    static void show(Stage stage, Settings settings, Runnable build, Consumer<Runnable> post) {
        var palette = settings.theme() == Settings.Theme.DARK ? DARK : LIGHT;
        var outline = new BorderPane();
        outline.setTop(band(palette, 50, -1, new BorderWidths(0, 0, 1, 0)));
        outline.setLeft(band(palette, -1, 300, new BorderWidths(0, 1, 0, 0)));
        outline.setBottom(band(palette, 25, -1, new BorderWidths(1, 0, 0, 0)));
        var scene = new Scene(outline, settings.width(), settings.height(), palette.base());
        // After the outline's first layout, before the pulse hands its frame to the renderer.
        Runnable[] once = new Runnable[1];
        once[0] = () -> {
            scene.removePostLayoutPulseListener(once[0]);
            afterRenderer(renderer(), RENDERER_LIMIT_NANOS, () -> {
                if (stage.isShowing()) {
                    build.run();
                }
            }, post);
        };
        scene.addPostLayoutPulseListener(once[0]);
        stage.setTitle("Parley");
        stage.setScene(scene);
        stage.show();
    }

    /// Posts `then` (with `post`) once `renderer` has drawn a frame: it has run and is waiting
    /// for work again, or at most `limitNanos` from now. Watched from a thread of its own, every
    /// half millisecond. Why: on the software pipeline JavaFX's renderer does not put a frame on
    /// screen itself, it posts the pixels to the FX thread (Quantum's `SceneState.uploadPixels`
    /// uses Glass's `invokeLater`), so a build posted right after the outline's pulse runs first,
    /// and the outline reached the screen only together with the built window. Posted after the
    /// renderer is done, the build queues behind the pixels. Without a renderer thread (`null`)
    /// `then` is posted at once.
    static void afterRenderer(Thread renderer, long limitNanos, Runnable then, Consumer<Runnable> post) {
        if (renderer == null) {
            post.accept(then);
            return;
        }
        var start = System.nanoTime();
        Thread.ofPlatform().daemon().name("parley-first-frame").start(() -> {
            var ran = false;
            while (System.nanoTime() - start < limitNanos) {
                var state = renderer.getState();
                if (state == Thread.State.RUNNABLE) {
                    ran = true;
                } else if (state == Thread.State.TERMINATED
                        || ran && (state == Thread.State.WAITING || state == Thread.State.TIMED_WAITING)) {
                    break;
                }
                LockSupport.parkNanos(500_000);
            }
            post.accept(then);
        });
    }

    /// JavaFX's render thread (Quantum names it `QuantumRenderer-0`), or `null`.
    private static Thread renderer() {
        var group = Thread.currentThread().getThreadGroup();
        while (group.getParent() != null) {
            group = group.getParent();
        }
        var threads = new Thread[group.activeCount() + 16];
        var count = group.enumerate(threads, true);
        for (var i = 0; i < count; i++) {
            if (threads[i].getName().startsWith("QuantumRenderer")) {
                return threads[i];
            }
        }
        return null;
    }

    private static Region band(Palette palette, double height, double width, BorderWidths edge) {
        var band = new Region();
        band.setBackground(new Background(new BackgroundFill(palette.subtle(), CornerRadii.EMPTY, Insets.EMPTY)));
        band.setBorder(new Border(new BorderStroke(palette.line(), BorderStrokeStyle.SOLID, CornerRadii.EMPTY, edge)));
        if (height > 0) {
            band.setPrefHeight(height);
        }
        if (width > 0) {
            band.setPrefWidth(width);
        }
        return band;
    }
}
