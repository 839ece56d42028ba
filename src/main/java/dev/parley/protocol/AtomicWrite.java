package dev.parley.protocol;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/// Writes a small file whole or not at all: a temporary file next to it, then a rename. The
/// file is owner-only on POSIX (the temporary file's permissions). Used by the server's TLS key
/// store and the client's pins, where half a file would lose a key or a pin.
public final class AtomicWrite {

    private AtomicWrite() {}

    public static void write(Path target, byte[] content) throws IOException {
        var folder = target.toAbsolutePath().getParent();
        OwnerOnly.folder(folder);
        var temporary = Files.createTempFile(folder, target.getFileName().toString(), ".tmp");
        try {
            Files.write(temporary, content);
            try {
                Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException notHere) {
                Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temporary);
        }
    }
}
