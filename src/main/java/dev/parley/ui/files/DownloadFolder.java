package dev.parley.ui.files;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Pattern;

/// Where downloads go and under which name: the user's Downloads folder (`XDG_DOWNLOAD_DIR`,
/// then the desktop's `user-dirs.dirs`, then `~/Downloads`, else the home folder), and a name
/// that never overwrites another file (`report (1).pdf`) nor leaves that folder.
public final class DownloadFolder {

    private static final Pattern USER_DIRS = Pattern.compile("^\\s*XDG_DOWNLOAD_DIR\\s*=\\s*\"?([^\"]*)\"?\\s*$");
    /// Keeps a file's name portable: no separators, no control or reserved characters.
    private static final Pattern UNSAFE = Pattern.compile("[\\p{Cntrl}/\\\\:*?\"<>|]");
    private static final int MAX_NAME = 200;

    private DownloadFolder() {}

    /// The Downloads folder of this user, from the environment.
    public static Path of() {
        return of(System.getenv(), Path.of(System.getProperty("user.home")));
    }

    /// The Downloads folder given the environment `env` and the home folder `home`.
    public static Path of(Map<String, String> env, Path home) {
        var named = env.get("XDG_DOWNLOAD_DIR");
        if (named == null) {
            named = userDirs(env, home);
        }
        if (named != null && !named.isBlank()) {
            var folder = Path.of(named.replace("$HOME", home.toString()));
            // xdg-user-dirs points it at the home folder itself when the user removed Downloads.
            if (folder.isAbsolute() && Files.isDirectory(folder)) {
                return folder;
            }
        }
        var downloads = home.resolve("Downloads");
        return Files.isDirectory(downloads) ? downloads : home;
    }

    private static String userDirs(Map<String, String> env, Path home) {
        var config = env.get("XDG_CONFIG_HOME");
        var file = (config == null || config.isBlank() ? home.resolve(".config") : Path.of(config)).resolve("user-dirs.dirs");
        if (!Files.isRegularFile(file)) {
            return null;
        }
        try {
            for (var line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                var matcher = USER_DIRS.matcher(line);
                if (matcher.matches()) {
                    return matcher.group(1);
                }
            }
        } catch (IOException unreadable) {
            return null; // then the usual place is as good a guess as any
        }
        return null;
    }

    /// A file's name made safe to create in a folder: the last part of any path, without
    /// characters that separate paths or that file systems refuse; never empty, `.` or `..`.
    public static String safeName(String name) {
        var last = name == null ? "" : name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
        var safe = UNSAFE.matcher(last).replaceAll("_").strip();
        while (safe.startsWith(".")) {
            safe = safe.substring(1); // neither hidden nor `..`
        }
        if (safe.isBlank()) {
            return "file";
        }
        return safe.length() > MAX_NAME ? safe.substring(safe.length() - MAX_NAME) : safe;
    }

    /// `folder/name` if no file has that name, else `name (1).ext`, `name (2).ext`… — the first
    /// one free. The caller still creates it without replacing (another program may be quicker).
    public static Path unusedName(Path folder, String name) {
        var safe = safeName(name);
        var dot = safe.lastIndexOf('.');
        var stem = dot > 0 ? safe.substring(0, dot) : safe;
        var extension = dot > 0 ? safe.substring(dot) : "";
        var candidate = folder.resolve(safe);
        for (int n = 1; Files.exists(candidate, java.nio.file.LinkOption.NOFOLLOW_LINKS); n++) {
            candidate = folder.resolve(stem + " (" + n + ")" + extension);
        }
        return candidate;
    }
}
