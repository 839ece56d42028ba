package dev.parley.ui;

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
/// drawn from plain regions without a stylesheet. The real view is built right after the
/// outline's first pulse, while the renderer draws the outline, and replaces it: building that
/// view (its first CSS pass above all) is most of a start, and a double-click should show a
/// window while it runs.
final class FirstFrame {

    /// AtlantaFX Primer's `-color-bg-default`, `-color-bg-subtle`, `-color-border-default`.
    private record Palette(Color base, Color subtle, Color line) {}

    private static final Palette LIGHT = new Palette(Color.web("#ffffff"), Color.web("#f6f8fa"), Color.web("#d0d7de"));
    private static final Palette DARK = new Palette(Color.web("#0d1117"), Color.web("#161b22"), Color.web("#30363d"));

    private FirstFrame() {}

    /// Shows `stage` with the outline, then runs `build` on the FX thread after the outline's
    /// first pulse; `build` is skipped when the window was closed meanwhile.
    static void show(Stage stage, Settings settings, Runnable build) {
        var palette = settings.theme() == Settings.Theme.DARK ? DARK : LIGHT;
        var outline = new BorderPane();
        outline.setTop(band(palette, 50, -1, new BorderWidths(0, 0, 1, 0)));
        outline.setLeft(band(palette, -1, 300, new BorderWidths(0, 1, 0, 0)));
        outline.setBottom(band(palette, 25, -1, new BorderWidths(1, 0, 0, 0)));
        var scene = new Scene(outline, settings.width(), settings.height(), palette.base());
        // After the outline's first layout; the renderer draws it while `build` runs.
        Runnable[] once = new Runnable[1];
        once[0] = () -> {
            scene.removePostLayoutPulseListener(once[0]);
            Platform.runLater(() -> {
                if (stage.isShowing()) {
                    build.run();
                }
            });
        };
        scene.addPostLayoutPulseListener(once[0]);
        stage.setTitle("Parley");
        stage.setScene(scene);
        stage.show();
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
