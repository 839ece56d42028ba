package dev.parley.ui.log;

import java.util.logging.Filter;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/// JavaFX's own log lines that tell a person running Parley nothing.
///
/// `VirtualFlow` logs "index exceeds maxCellCount. Check size calculations for class …" (INFO)
/// when, filling the end of a view, the index of the next line is larger than the view's height
/// in pixels: a check meant for cells that measure 0 high (JDK-8093564). The log list holds 5,000
/// lines and more while it follows a busy room, so each time it drops its oldest 2,500 (every
/// second or two under a flood) the index passes any window's height and JavaFX prints the
/// line to the terminal, while every line is measured and shown (the window-flood benchmark
/// checks both). A known JavaFX false alarm that other apps filter too; this drops that message
/// and nothing else.
final class JavaFxLogs {

    private static final String FALSE_ALARM = "index exceeds maxCellCount";

    /// Held here: `java.util.logging` keeps loggers weakly, and a collected one forgets its filter.
    private static final Logger CONTROLS = Logger.getLogger("javafx.scene.control");

    private JavaFxLogs() {}

    /// Called by each log pane (the one list that sets it off); calling it again changes nothing.
    static synchronized void dropFalseAlarms() {
        if (CONTROLS.getFilter() instanceof FalseAlarms) {
            return;
        }
        CONTROLS.setFilter(new FalseAlarms(CONTROLS.getFilter()));
    }

    private record FalseAlarms(Filter previous) implements Filter {
        @Override
        public boolean isLoggable(LogRecord entry) {
            var message = entry.getMessage();
            if (message != null && message.startsWith(FALSE_ALARM)) {
                return false;
            }
            return previous == null || previous.isLoggable(entry);
        }
    }
}
