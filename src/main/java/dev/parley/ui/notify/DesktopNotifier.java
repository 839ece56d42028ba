package dev.parley.ui.notify;

import java.util.function.Consumer;

/// Shows notifications on the desktop, outside the window. [#show] may block briefly (a call
/// over D-Bus): call it off the JavaFX thread. Clicks are reported on the notifier's own
/// thread; hand them to the window's thread.
public interface DesktopNotifier extends AutoCloseable {

    /// Shows a notification; returns the system's id for it, or 0 when nothing was shown.
    long show(String title, String body, String conversation);

    /// `clicked` hears the conversation of a notification the person clicked.
    void onClick(Consumer<String> clicked);

    /// What shows the notifications, for the log and the report ("D-Bus: dunst 1.9.0", "none").
    String describe();

    @Override
    void close();

    /// Shows nothing: no notification service on this desktop.
    static DesktopNotifier none() {
        return new DesktopNotifier() {
            @Override public long show(String title, String body, String conversation) { return 0; }
            @Override public void onClick(Consumer<String> clicked) { }
            @Override public String describe() { return "none"; }
            @Override public void close() { }
        };
    }
}
