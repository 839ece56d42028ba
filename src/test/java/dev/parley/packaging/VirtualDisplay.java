package dev.parley.packaging;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/// An Xvfb X server on a display number it picks itself (`-displayfd`), so that the installed
/// app can open its real GTK window, and `xwininfo` to see which windows are on it.
public final class VirtualDisplay implements AutoCloseable {

    private final Process xvfb;
    private final String display;

    private VirtualDisplay(Process xvfb, String display) {
        this.xvfb = xvfb;
        this.display = display;
    }

    public static VirtualDisplay start() throws IOException {
        var xvfb = new ProcessBuilder("Xvfb", "-displayfd", "1", "-screen", "0", "1280x800x24", "-nolisten", "tcp")
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        // Xvfb writes the display number to the given fd once it accepts clients.
        var line = new BufferedReader(new InputStreamReader(xvfb.getInputStream())).readLine();
        if (line == null || !line.strip().matches("\\d+")) {
            xvfb.destroyForcibly();
            throw new IOException("Xvfb did not start (is the xvfb package installed?): " + line);
        }
        return new VirtualDisplay(xvfb, ":" + line.strip());
    }

    /// The value for `DISPLAY`.
    public String display() {
        return display;
    }

    /// Whether a window with exactly this title and a real size is on the display. GTK's
    /// 10x10 "leader" window has the app's name too, and exists before any stage is shown.
    boolean showsWindowTitled(String title) throws IOException, InterruptedException {
        var process = new ProcessBuilder("xwininfo", "-root", "-tree", "-display", display)
                .redirectErrorStream(true).start();
        var tree = new String(process.getInputStream().readAllBytes());
        process.waitFor(10, TimeUnit.SECONDS);
        var window = Pattern.compile("\"" + Pattern.quote(title) + "\": \\(.*\\)\\s+(\\d+)x(\\d+)\\+").matcher(tree);
        while (window.find()) {
            if (Integer.parseInt(window.group(1)) >= 200 && Integer.parseInt(window.group(2)) >= 200) {
                return true;
            }
        }
        return false;
    }

    /// Polls until the window is there; returns how long it took, or null after `patience`.
    Duration waitForWindow(String title, long startNanos, Duration patience) throws IOException, InterruptedException {
        var deadline = startNanos + patience.toNanos();
        while (System.nanoTime() < deadline) {
            if (showsWindowTitled(title)) {
                return Duration.ofNanos(System.nanoTime() - startNanos);
            }
            Thread.sleep(50);
        }
        return null;
    }

    @Override
    public void close() throws InterruptedException {
        xvfb.destroy();
        if (!xvfb.waitFor(5, TimeUnit.SECONDS)) {
            xvfb.destroyForcibly();
        }
    }
}
