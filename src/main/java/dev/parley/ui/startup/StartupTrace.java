package dev.parley.ui.startup;

/// Start-up milestones on standard error, with `-Dparley.startup.trace=true`:
/// `parley-startup NAME EPOCH_MILLIS`, wall-clock time, so that a script that launched the app
/// can subtract its own start. Off, a mark is one field read. There is no mark for the built
/// window being drawn: the renderer's threads give no sign of it that a listener could wait for
/// without changing what is drawn (a pulse listener chained for it made JavaFX keep another frame
/// buffer), so `packaging/measure-startup.sh` looks at the window's pixels instead.
final class StartupTrace {

    static final String PROPERTY = "parley.startup.trace";
    private static final boolean ON = Boolean.getBoolean(PROPERTY);

    private StartupTrace() {}

    static void mark(String milestone) {
        if (ON) {
            System.err.println("parley-startup " + milestone + " " + System.currentTimeMillis());
        }
    }
}
