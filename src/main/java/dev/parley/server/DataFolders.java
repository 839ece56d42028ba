package dev.parley.server;

import java.nio.file.Path;
import java.util.Locale;

/// The platform's usual per-user folder for Parley's data (history, settings, TLS key):
/// `~/.local/share/parley` (or `$XDG_DATA_HOME/parley`) on Linux, `%APPDATA%\Parley` on
/// Windows, `~/Library/Application Support/Parley` on macOS.
public final class DataFolders {

    private DataFolders() {}

    public static Path defaultFolder() {
        return forPlatform(System.getProperty("os.name", ""), System.getProperty("user.home", "."),
                System.getenv("APPDATA"), System.getenv("XDG_DATA_HOME"));
    }

    /// The rule itself, from its inputs, so that every platform's answer can be tested anywhere.
    static Path forPlatform(String osName, String home, String appData, String xdgDataHome) {
        var os = osName.toLowerCase(Locale.ROOT);
        if (os.startsWith("windows")) {
            return appData != null && !appData.isBlank()
                    ? Path.of(appData, "Parley")
                    : Path.of(home, "AppData", "Roaming", "Parley");
        }
        if (os.startsWith("mac")) {
            return Path.of(home, "Library", "Application Support", "Parley");
        }
        if (xdgDataHome != null && !xdgDataHome.isBlank() && Path.of(xdgDataHome).isAbsolute()) {
            return Path.of(xdgDataHome, "parley");
        }
        return Path.of(home, ".local", "share", "parley");
    }
}
