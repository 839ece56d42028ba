package dev.parley.ui.files;

import java.awt.Desktop;
import java.io.IOException;
import java.nio.file.Path;
import java.util.function.Consumer;

/// Opens a downloaded file with the program the desktop uses for it, off the FX thread:
/// `xdg-open` on Linux (AWT's desktop there would start a second GUI toolkit next to JavaFX's),
/// `java.awt.Desktop` elsewhere.
public final class DesktopOpen {

    private DesktopOpen() {}

    /// Opens `file`; `failed` hears why it could not be opened (on the opening thread).
    public static void open(Path file, Consumer<String> failed) {
        Thread.ofVirtual().name("parley-open").start(() -> {
            try {
                var os = System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT);
                if (os.contains("linux") || !Desktop.isDesktopSupported()) {
                    new ProcessBuilder(os.contains("mac") ? "open" : "xdg-open", file.toString())
                            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                            .redirectError(ProcessBuilder.Redirect.DISCARD).start();
                } else {
                    Desktop.getDesktop().open(file.toFile());
                }
            } catch (IOException | RuntimeException unopened) {
                failed.accept(Transfer.reason(unopened));
            }
        });
    }
}
