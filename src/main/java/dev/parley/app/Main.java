package dev.parley.app;

import dev.parley.ui.DesktopLauncher;
import java.util.List;
import java.util.Locale;

/// Entry point: the desktop window by default, the server alone with `--headless`.
public final class Main {

    private static final List<String> HELP = List.of("--help", "-h", "--version", "-V");

    private Main() {}

    public static void main(String[] args) {
        var arguments = List.of(args);
        if (arguments.contains("--headless") || arguments.stream().anyMatch(HELP::contains)) {
            System.exit(HeadlessCommand.run(args, System.out, System.err));
        }
        if (!displayAvailable()) {
            System.err.println("parley: no display found, so the window cannot open."
                    + " Run the server alone with --headless (see --help).");
            System.exit(1);
        }
        DesktopLauncher.launch(args);
    }

    /// On Linux and the BSDs the window needs an X11 or Wayland session (or JavaFX's Headless
    /// platform, which tests choose); elsewhere there always is a desktop.
    private static boolean displayAvailable() {
        var os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        if (os.contains("win") || os.contains("mac")) {
            return true;
        }
        return System.getenv("DISPLAY") != null || System.getenv("WAYLAND_DISPLAY") != null
                || System.getProperty("glass.platform") != null;
    }
}
