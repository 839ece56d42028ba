package dev.parley.server.files;

import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;

/// Small previews of raster images, made one at a time on their own thread from a bounded
/// queue: never on a request thread, and a burst of uploads cannot queue unbounded work. A
/// request that finds the queue full gets no thumbnail now; a later one asks again.
final class Thumbnails implements AutoCloseable {

    /// The longest side of a thumbnail.
    static final int SIDE = 320;
    private static final int QUEUE = 32;

    private final Path folder;
    private final ThreadPoolExecutor worker = new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS,
            new ArrayBlockingQueue<>(QUEUE), Thread.ofPlatform().name("parley-thumbnails").daemon().factory());
    private final ConcurrentHashMap<String, CompletableFuture<Path>> pending = new ConcurrentHashMap<>();

    Thumbnails(Path folder) {
        this.folder = folder;
    }

    Path file(String sha256) {
        return folder.resolve(sha256 + ".png");
    }

    /// The thumbnail of `image`, made if need be; fails when it cannot be made (unreadable, the
    /// queue full, stopping).
    CompletableFuture<Path> request(String sha256, Path image, ImageFacts facts) {
        var done = file(sha256);
        if (Files.isRegularFile(done)) {
            return CompletableFuture.completedFuture(done);
        }
        if (!facts.thumbnailable()) {
            return CompletableFuture.failedFuture(new IOException("no thumbnail for this image"));
        }
        var fresh = new CompletableFuture<Path>();
        var existing = pending.putIfAbsent(sha256, fresh);
        if (existing != null) {
            return existing;
        }
        try {
            worker.execute(() -> {
                try {
                    fresh.complete(make(image, facts, done));
                } catch (IOException | RuntimeException | OutOfMemoryError failure) {
                    fresh.completeExceptionally(failure);
                } finally {
                    pending.remove(sha256, fresh);
                }
            });
        } catch (RejectedExecutionException full) {
            pending.remove(sha256, fresh);
            fresh.completeExceptionally(full);
        }
        return fresh;
    }

    /// Decodes with subsampling (so memory follows the thumbnail's size, not the image's), then
    /// scales smoothly to at most [#SIDE] and writes a PNG next to its final name first.
    private static Path make(Path image, ImageFacts facts, Path target) throws IOException {
        BufferedImage decoded;
        try (var input = ImageIO.createImageInputStream(image.toFile())) {
            var readers = ImageIO.getImageReaders(input);
            if (!readers.hasNext()) {
                throw new IOException("no reader for " + image.getFileName());
            }
            var reader = readers.next();
            try {
                reader.setInput(input, true, true);
                var parameters = reader.getDefaultReadParam();
                int step = Math.max(1, Math.max(facts.width(), facts.height()) / (2 * SIDE));
                parameters.setSourceSubsampling(step, step, 0, 0);
                decoded = reader.read(0, parameters);
            } finally {
                reader.dispose();
            }
        }
        double scale = Math.min(1.0, (double) SIDE / Math.max(decoded.getWidth(), decoded.getHeight()));
        int width = Math.max(1, (int) Math.round(decoded.getWidth() * scale));
        int height = Math.max(1, (int) Math.round(decoded.getHeight() * scale));
        var thumb = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
        var graphics = thumb.createGraphics();
        try {
            graphics.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            graphics.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            graphics.drawImage(decoded, 0, 0, width, height, null);
        } finally {
            graphics.dispose();
        }
        var temporary = target.resolveSibling(target.getFileName() + ".tmp");
        if (!ImageIO.write(thumb, "png", temporary.toFile())) {
            throw new IOException("no PNG writer");
        }
        return Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    @Override
    public void close() {
        worker.shutdownNow();
        try {
            worker.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
