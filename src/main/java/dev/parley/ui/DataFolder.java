package dev.parley.ui;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/// Where Parley keeps per-user data (settings, hosted history). `--data DIR` wins, then the
/// system property `parley.data`, then the platform's usual per-user folder.
public final class DataFolder {

    public static final String PROPERTY = "parley.data";

    private DataFolder() {}

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
        var property = System.getProperty(PROPERTY);
        if (property != null && !property.isBlank()) {
            return Path.of(property);
        }
        return platformDefault();
    }

    static Path platformDefault() {
        var home = Path.of(System.getProperty("user.home"));
        var os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        if (os.contains("win")) {
            var appData = System.getenv("APPDATA");
            return (appData != null ? Path.of(appData) : home.resolve("AppData/Roaming")).resolve("Parley");
        }
        if (os.contains("mac")) {
            return home.resolve("Library/Application Support/Parley");
        }
        var xdg = System.getenv("XDG_DATA_HOME");
        return (xdg != null && !xdg.isBlank() ? Path.of(xdg) : home.resolve(".local/share")).resolve("parley");
    }
}
