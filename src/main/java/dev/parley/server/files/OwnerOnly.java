package dev.parley.server.files;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/// Owner-only permissions (700 folders, 600 files) where the file system has them.
final class OwnerOnly {

    private OwnerOnly() {}

    static void folder(Path folder) throws IOException {
        Files.createDirectories(folder);
        set(folder, "rwx------");
    }

    static void file(Path file) throws IOException {
        set(file, "rw-------");
    }

    private static void set(Path path, String permissions) throws IOException {
        try {
            Files.setPosixFilePermissions(path, PosixFilePermissions.fromString(permissions));
        } catch (UnsupportedOperationException notPosix) {
            // Windows: the user's profile folder is private already.
        }
    }
}
