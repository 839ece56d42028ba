package dev.parley.server.files;

import java.time.Duration;

/// How much a server accepts: the largest file (`--max-file-bytes`, larger → 413), all stored
/// files together (`--max-files-bytes`, more → 507), and how long an uploaded file that no
/// message shares is kept (it may be about to be shared; after that the sweep removes it).
public record FileLimits(long maxFileBytes, long maxFilesBytes, Duration keepUnshared) {

    public static final FileLimits DEFAULTS = new FileLimits(1L << 30, 20L << 30, Duration.ofHours(1));

    public FileLimits {
        if (maxFileBytes < 1 || maxFilesBytes < 1 || keepUnshared.isNegative()) {
            throw new IllegalArgumentException("file limits out of range: " + maxFileBytes + ", " + maxFilesBytes);
        }
    }

    public FileLimits(long maxFileBytes, long maxFilesBytes) {
        this(maxFileBytes, maxFilesBytes, DEFAULTS.keepUnshared());
    }
}
