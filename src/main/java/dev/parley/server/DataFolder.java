package dev.parley.server;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/// Where Parley keeps per-user data (settings, history, TLS key, pins): one rule for the window
/// and for `--headless`, so that both find the same folder. `--data DIR` wins, then the system
/// property `parley.data`, then the platform's usual per-user folder: `%APPDATA%\Parley` on
/// Windows, `~/Library/Application Support/Parley` on macOS, `$XDG_DATA_HOME/parley` or
/// `~/.local/share/parley` elsewhere.
public final class DataFolder {

    public static final String PROPERTY = "parley.data";

    private DataFolder() {}

    /// The folder the command line `args` name with `--data DIR` or `--data=DIR`, else [#defaultFolder].
    public static Path resolve(List<String> args) {
        for (int i = 0; i < args.size(); i++) {
            var arg = args.get(i);
            if (arg.equals("--data") && i + 1 < args.size()) {
                return Path.of(args.get(i + 1));
            }
            if (arg.startsWith("--data=")) {
                return Path.of(arg.substring("--data=".length()));
            }
        }
        return defaultFolder();
    }

    /// The system property `parley.data` when set, else the platform's folder.
    public static Path defaultFolder() {
        var property = System.getProperty(PROPERTY);
        if (property != null && !property.isBlank()) {
            return Path.of(property);
        }
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
        // The XDG base directory specification: a relative path in the variable is invalid and ignored.
        if (xdgDataHome != null && !xdgDataHome.isBlank() && Path.of(xdgDataHome).isAbsolute()) {
            return Path.of(xdgDataHome, "parley");
        }
        return Path.of(home, ".local", "share", "parley");
    }
}
