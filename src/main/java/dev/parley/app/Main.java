package dev.parley.app;

import dev.parley.ui.startup.DesktopLauncher;
import java.util.List;
import java.util.Locale;

/// Entry point: the desktop window by default, the server alone with `--headless`.
public final class Main {

    private static final List<String> HELP = List.of("--help", "-h", "--version", "-V");

    private Main() {}

    public static void main(String[] args) {
        skipJettyCacheLineProbe();
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

    /// Jetty pads some arrays to the CPU's cache line and, unless told how many references fit
    /// in one, asks HotSpot whether it compresses them through the platform MBean server: that
    /// starts JMX (its classes and the platform's MBeans, kept for good) in every process
    /// that hosts or joins. HotSpot compresses references whenever the heap may stay under 32 GB;
    /// a wrong guess would only change the padding. A value given on the command line wins.
    static void skipJettyCacheLineProbe() {
        var property = "org.eclipse.jetty.util.referencesPerCacheLine";
        if (System.getProperty(property) == null) {
            int referenceBytes = Runtime.getRuntime().maxMemory() < 32L << 30 ? 4 : 8;
            System.setProperty(property, Integer.toString(64 / referenceBytes));
        }
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
