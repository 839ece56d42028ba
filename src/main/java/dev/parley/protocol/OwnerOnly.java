package dev.parley.protocol;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/// Keeps Parley's data folder to its owner: folders 700, files 600 (history, keys, pins,
/// settings, shared files), whatever the umask, and also for what an earlier version left
/// readable. Only where the file system has POSIX permissions; elsewhere (Windows, FAT) the
/// per-user folder's own access rules apply and nothing here changes.
///
/// [#tighten] takes away what group and others may do and leaves the owner's bits alone, so a
/// `--data` pointed at a folder with other things in it loses no one's executable bit.
public final class OwnerOnly {

    private static final Set<PosixFilePermission> FOLDER = PosixFilePermissions.fromString("rwx------");
    private static final Set<PosixFilePermission> NOT_OWNER = PosixFilePermissions.fromString("---rwxrwx");

    private OwnerOnly() {}

    /// Makes `folder` (and missing parents) and leaves `folder` itself at 700.
    public static Path folder(Path folder) throws IOException {
        Files.createDirectories(folder);
        if (posix(folder)) {
            Files.setPosixFilePermissions(folder, FOLDER);
        }
        return folder;
    }

    /// Takes group and other permissions from every folder and file under `root` (itself
    /// included), without following links: Parley's folders become 700 and its files 600.
    /// What cannot be changed (another user's file) is left as it is.
    public static void tighten(Path root) throws IOException {
        if (!Files.isDirectory(root, LinkOption.NOFOLLOW_LINKS) || !posix(root)) {
            return;
        }
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path folder, BasicFileAttributes attributes) {
                ownerOnly(folder);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
                if (attributes.isRegularFile()) {
                    ownerOnly(file);
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException unreadable) {
                return FileVisitResult.CONTINUE;
            }
        });
    }

    private static void ownerOnly(Path path) {
        try {
            var permissions = Files.getPosixFilePermissions(path, LinkOption.NOFOLLOW_LINKS);
            if (permissions.removeAll(NOT_OWNER)) {
                Files.setPosixFilePermissions(path, permissions);
            }
        } catch (IOException | UnsupportedOperationException | SecurityException notOurs) {
            // Not ours to change (or gone meanwhile): the folder above is owner-only anyway.
        }
    }

    private static boolean posix(Path path) throws IOException {
        return Files.getFileStore(path).supportsFileAttributeView("posix");
    }
}
