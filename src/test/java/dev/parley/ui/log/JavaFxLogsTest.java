package dev.parley.ui.log;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;

class JavaFxLogsTest {

    private static final String FALSE_ALARM_IN_THE_MIDDLE = "an index exceeds maxCellCount";

    /// JavaFX logs through `System.Logger` (its `PlatformLogger`), which ends in
    /// `java.util.logging`'s logger of the same name: log the way it does and see what gets out.
    @Test
    void dropsVirtualFlowsFalseAlarmAndKeepsEverythingElse() {
        var seen = new ArrayList<String>();
        var handler = collecting(seen);
        var controls = Logger.getLogger("javafx.scene.control");
        controls.addHandler(handler);
        try {
            var platformLogger = System.getLogger("javafx.scene.control");
            JavaFxLogs.dropFalseAlarms();
            JavaFxLogs.dropFalseAlarms();
            platformLogger.log(System.Logger.Level.INFO,
                    "index exceeds maxCellCount. Check size calculations for class dev.parley.ui.log.LogCell");
            platformLogger.log(System.Logger.Level.INFO, "index exceeds maxCellCount");
            platformLogger.log(System.Logger.Level.INFO, "Could not find stylesheet: missing.css");
            platformLogger.log(System.Logger.Level.WARNING, "something else about " + FALSE_ALARM_IN_THE_MIDDLE);
            assertThat(seen).containsExactly("Could not find stylesheet: missing.css",
                    "something else about " + FALSE_ALARM_IN_THE_MIDDLE);
        } finally {
            controls.removeHandler(handler);
        }
    }

    private static Handler collecting(List<String> seen) {
        return new Handler() {
            @Override
            public void publish(LogRecord entry) {
                seen.add(entry.getMessage());
            }

            @Override
            public void flush() {}

            @Override
            public void close() {}
        };
    }
}
