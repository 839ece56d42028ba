package dev.parley.server.files;

import dev.parley.protocol.Message.FileInfo;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Comparator;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/// Shared files on disk, by content: `blobs/SHA256` for complete files, `partial/SHA256` for
/// uploads under way (kept across disconnects and restarts, so an upload continues where it
/// stopped), `thumbs/SHA256.png` for previews, `secret` for the capability keys. A name a
/// client chose is never a path here: only the checked hex sha256 is.
public final class FileStore implements AutoCloseable {

    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");
    /// An upload nobody continued for this long is given up.
    static final Duration KEEP_PARTIAL = Duration.ofDays(1);

    private final Path root;
    private final boolean temporary;
    private final FileLimits limits;
    private final FileKeys keys;
    private final Thumbnails thumbnails;
    private final UploadTokens tokens = new UploadTokens();
    private final AtomicLong storedBytes = new AtomicLong();
    private final ConcurrentHashMap<String, ImageFacts> facts = new ConcurrentHashMap<>();
    /// When each file was last shared, so that the sweep spares one whose message is being stored.
    private final ConcurrentHashMap<String, Long> sharedAt = new ConcurrentHashMap<>();
    private final Set<String> uploading = ConcurrentHashMap.newKeySet();
    private final Clock clock;

    private FileStore(Path root, boolean temporary, FileLimits limits, Clock clock) throws IOException {
        this.root = root;
        this.temporary = temporary;
        this.limits = limits;
        this.clock = clock;
        OwnerOnly.folder(root);
        OwnerOnly.folder(blobs());
        OwnerOnly.folder(partials());
        OwnerOnly.folder(root.resolve("thumbs"));
        this.keys = FileKeys.load(root.resolve("secret"));
        this.thumbnails = new Thumbnails(root.resolve("thumbs"));
        storedBytes.set(sizeOf(blobs()) + sizeOf(partials()));
    }

    /// The files folder `folder` (made owner-only if need be).
    public static FileStore open(Path folder, FileLimits limits) throws IOException {
        return new FileStore(folder, false, limits, Clock.systemUTC());
    }

    /// A folder of its own in the system's temporary folder, removed by [#close]: for a server
    /// that keeps nothing on disk (`--in-memory`), whose files must still stream through disk.
    public static FileStore temporary(FileLimits limits) throws IOException {
        return new FileStore(Files.createTempDirectory("parley-files-"), true, limits, Clock.systemUTC());
    }

    public FileLimits limits() {
        return limits;
    }

    public UploadTokens tokens() {
        return tokens;
    }

    static boolean validSha(String sha256) {
        return sha256 != null && SHA256.matcher(sha256).matches();
    }

    Path blob(String sha256) {
        return blobs().resolve(sha256);
    }

    Path partial(String sha256) {
        return partials().resolve(sha256);
    }

    private Path blobs() {
        return root.resolve("blobs");
    }

    private Path partials() {
        return root.resolve("partial");
    }

    FileKeys keys() {
        return keys;
    }

    /// Room for `bytes` more among all stored files (`--max-files-bytes`), taken if there is.
    boolean reserve(long bytes) {
        while (true) {
            long now = storedBytes.get();
            if (now + bytes > limits.maxFilesBytes()) {
                return false;
            }
            if (storedBytes.compareAndSet(now, now + bytes)) {
                return true;
            }
        }
    }

    /// Whether `bytes` more would fit, without taking them.
    boolean hasRoom(long bytes) {
        return storedBytes.get() + bytes <= limits.maxFilesBytes();
    }

    void release(long bytes) {
        storedBytes.addAndGet(-bytes);
    }

    /// Marks an upload of `sha256` as under way; false when another one is.
    boolean startUpload(String sha256) {
        return uploading.add(sha256);
    }

    void endUpload(String sha256) {
        uploading.remove(sha256);
    }

    /// A completed upload: learn what it is, and start its thumbnail.
    void completed(String sha256) {
        var known = facts(sha256);
        if (known.raster()) {
            thumbnails.request(sha256, blob(sha256), known);
        }
    }

    ImageFacts facts(String sha256) {
        return facts.computeIfAbsent(sha256, sha -> ImageFacts.of(blob(sha)));
    }

    /// The thumbnail of a stored image, made if need be.
    CompletableFuture<Path> thumbnail(String sha256) {
        if (!Files.isRegularFile(blob(sha256))) {
            return CompletableFuture.failedFuture(new IOException("no such file"));
        }
        return thumbnails.request(sha256, blob(sha256), facts(sha256));
    }

    /// What a message sharing `shared` carries, or null when no such file is stored. Cheap: a
    /// stat, and facts read once per file.
    public FileInfo describe(FileInfo shared) {
        var sha = shared.sha256();
        if (!validSha(sha)) {
            return null;
        }
        long size;
        try {
            size = Files.size(blob(sha));
        } catch (IOException missing) {
            return null;
        }
        sharedAt.put(sha, clock.millis());
        var image = facts(sha);
        var key = keys.key(sha);
        var base = "/files/" + sha + "/" + key + "/";
        var mime = image.raster() ? image.mime() : shared.mime() != null ? shared.mime() : "application/octet-stream";
        var thumb = image.thumbnailable() ? "/files/thumbs/" + sha + "/" + key : null;
        if (thumb != null) {
            thumbnails.request(sha, blob(sha), image);
        }
        return new FileInfo(sha, shared.name(), size, mime, base + urlName(shared.name()), thumb,
                image.width(), image.height());
    }

    /// The name as the last segment of a url: characters that a server's url rules treat as
    /// separators or escapes become `_` (the name in the url is only what a browser saves it as).
    static String urlName(String name) {
        var safe = name.replaceAll("[%;/\\\\?#]", "_");
        return URLEncoder.encode(safe, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /// Removes the files no stored message shares (`referenced` is every sha256 that one
    /// does) once they are older than `keepUnshared`, and uploads abandoned for a day.
    public void sweep(Set<String> referenced) {
        long now = clock.millis();
        long keep = limits.keepUnshared().toMillis();
        for (var file : list(blobs())) {
            var sha = file.getFileName().toString();
            if (!referenced.contains(sha) && !uploading.contains(sha)
                    && now - Math.max(modified(file), sharedAt.getOrDefault(sha, 0L)) >= keep) {
                delete(file);
                delete(thumbnails.file(sha));
                facts.remove(sha);
                sharedAt.remove(sha);
            }
        }
        for (var file : list(partials())) {
            if (!uploading.contains(file.getFileName().toString()) && now - modified(file) >= KEEP_PARTIAL.toMillis()) {
                delete(file);
            }
        }
    }

    private void delete(Path file) {
        try {
            long size = Files.isRegularFile(file) ? Files.size(file) : 0;
            if (Files.deleteIfExists(file) && !file.getFileName().toString().endsWith(".png")) {
                release(size);
            }
        } catch (IOException busy) {
            // Removed at the next sweep.
        }
    }

    private static long modified(Path file) {
        try {
            return Files.getLastModifiedTime(file).toMillis();
        } catch (IOException gone) {
            return Long.MAX_VALUE / 2;
        }
    }

    private static java.util.List<Path> list(Path folder) {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(file -> validSha(file.getFileName().toString())).toList();
        } catch (IOException unreadable) {
            return java.util.List.of();
        }
    }

    private static long sizeOf(Path folder) {
        long total = 0;
        for (var file : list(folder)) {
            try {
                total += Files.size(file);
            } catch (IOException gone) {
                // Not counted.
            }
        }
        return total;
    }

    /// Stops the thumbnail thread; a temporary folder is removed with everything in it.
    @Override
    public void close() {
        thumbnails.close();
        if (temporary) {
            try (Stream<Path> all = Files.walk(root)) {
                all.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            } catch (IOException | UncheckedIOException ignored) {
                // Best effort: the system cleans its temporary folder too.
            }
        }
    }
}
