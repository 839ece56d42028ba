package dev.parley.ui.startup;

import javafx.application.Application;

/// Starts the JavaFX window. Kept apart from any `Application` subclass so that `Main` works
/// with JavaFX on the class path.
public final class DesktopLauncher {

    private DesktopLauncher() {}

    /// Opens the window and returns when it is closed. Understands `--data DIR` and
    /// `--no-announce` (host without announcing the room on the LAN), and a `parley://` invite link (joins it).
    public static void launch(String[] args) {
        StartupTrace.mark("launch");
        Rendering.choose();
        Application.launch(ParleyApp.class, args);
    }
}
