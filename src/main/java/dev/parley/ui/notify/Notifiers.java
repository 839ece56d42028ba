package dev.parley.ui.notify;

import java.util.Locale;

/// Picks the desktop notifier of this system: the D-Bus notification service on Linux (and
/// other systems with a session bus), the tray on Windows and macOS, and silently none when
/// neither is there (a server without a desktop, a session without a notification service).
/// Blocks while it asks the bus: call it off the JavaFX thread.
public final class Notifiers {

    private static final System.Logger LOG = System.getLogger(Notifiers.class.getName());

    /// `-Dparley.notify.bus=unix:path=…` sends the notifications to that D-Bus bus instead of the
    /// session's (a test desktop of its own, or a notification service on another bus).
    public static final String BUS_PROPERTY = "parley.notify.bus";

    private Notifiers() {}

    public static DesktopNotifier forThisSystem() {
        var os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        var notifier = os.contains("win") || os.contains("mac") ? tray() : dbus();
        LOG.log(System.Logger.Level.DEBUG, "desktop notifications: " + notifier.describe());
        return notifier;
    }

    private static DesktopNotifier dbus() {
        var chosen = System.getProperty(BUS_PROPERTY, "");
        var address = chosen.isBlank() ? System.getenv("DBUS_SESSION_BUS_ADDRESS") : chosen;
        if (address == null || address.isBlank()) {
            return DesktopNotifier.none();
        }
        try {
            return chosen.isBlank() ? DbusNotifier.sessionBus() : DbusNotifier.atAddress(chosen);
        } catch (Exception | LinkageError e) {
            // No session bus or no notification service: the window works as before, without.
            LOG.log(System.Logger.Level.DEBUG, "no D-Bus notifications: " + e);
            return DesktopNotifier.none();
        }
    }

    private static DesktopNotifier tray() {
        var tray = TrayNotifier.ifSupported();
        return tray == null ? DesktopNotifier.none() : tray;
    }
}
