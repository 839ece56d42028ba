package dev.parley.ui;

/// Starts the JavaFX window. Kept apart from any `Application` subclass so that `Main` works
/// with JavaFX on the class path.
public final class DesktopLauncher {

    private DesktopLauncher() {}

    /// Opens the window and returns when it is closed.
    public static void launch(String[] args) {
        throw new UnsupportedOperationException("contract only: implemented by the window work");
    }
}
