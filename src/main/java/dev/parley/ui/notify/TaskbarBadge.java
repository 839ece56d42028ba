package dev.parley.ui.notify;

import java.awt.GraphicsEnvironment;
import java.awt.Taskbar;

/// The unread total on the application's taskbar or dock icon, where the system has such a badge
/// (macOS's dock, Windows' taskbar); elsewhere it does nothing. AWT is looked at only at the
/// first [#show], so a window that never has unread messages never loads it. One thread only.
public final class TaskbarBadge {

    private Taskbar taskbar;
    private boolean looked;

    /// Shows `total`, or no badge for none.
    public void show(int total) {
        if (!looked) {
            looked = true;
            taskbar = supported();
        }
        if (taskbar == null) {
            return;
        }
        try {
            taskbar.setIconBadge(total > 0 ? Integer.toString(total) : null);
        } catch (UnsupportedOperationException | SecurityException e) {
            // The feature check said yes but the desktop refused: a badge is a nicety, not worth a warning.
        }
    }

    private static Taskbar supported() {
        try {
            if (GraphicsEnvironment.isHeadless() || !Taskbar.isTaskbarSupported()) {
                return null;
            }
            var taskbar = Taskbar.getTaskbar();
            return taskbar.isSupported(Taskbar.Feature.ICON_BADGE_NUMBER) ? taskbar : null;
        } catch (UnsupportedOperationException | SecurityException | Error e) {
            // Error: an AWT toolkit that cannot start (no display libraries) must not stop the window.
            return null;
        }
    }
}
