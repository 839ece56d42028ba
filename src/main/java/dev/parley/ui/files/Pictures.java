package dev.parley.ui.files;

import dev.parley.client.FileTransfers;
import dev.parley.protocol.Message;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.concurrent.Semaphore;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.scene.image.Image;

/// Shared pictures for the window: a thumbnail at the size it is shown, or the whole picture,
/// fetched and decoded off the FX thread (a few at a time, so a history full of pictures does
/// not open dozens of connections), kept in a small memory cache and in an owner-only temporary
/// folder removed by [#close()]. Callbacks run through `fx`; call from the FX thread.
public final class Pictures implements AutoCloseable {

    private static final int AT_ONCE = 3;
    private static final int KEPT = 200;

    /// The result of a load: the image, or why there is none.
    public record Loaded(Image image, String failure) {}

    private final Supplier<FileTransfers> http;
    private final Executor fx;
    private Path folder;
    private final Semaphore slots = new Semaphore(AT_ONCE);
    private final Map<String, Image> kept = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Image> eldest) {
            return size() > KEPT;
        }
    };
    private final Map<String, List<Consumer<Loaded>>> loading = new HashMap<>();

    public Pictures(Supplier<FileTransfers> http, Executor fx) {
        this.http = http;
        this.fx = fx;
    }

    /// Made on first use, off the FX thread; removed at exit too, for a window closed without [#close()].
    private synchronized Path folder() throws IOException {
        if (folder == null) {
            folder = Files.createTempDirectory("parley-pictures");
            Runtime.getRuntime().addShutdownHook(Thread.ofPlatform().unstarted(this::close));
        }
        return folder;
    }

    /// The thumbnail of `file` (it must have `thumb`) scaled to fit `width` × `height`.
    public void thumbnail(Message.FileInfo file, double width, double height, Consumer<Loaded> done) {
        load(file.thumb(), file.sha256() + "-thumb", width, height, done);
    }

    /// The whole picture of `file` at its own size.
    public void full(Message.FileInfo file, Consumer<Loaded> done) {
        load(file.url(), file.sha256(), 0, 0, done);
    }

    private void load(String url, String name, double width, double height, Consumer<Loaded> done) {
        var key = name + "@" + Math.round(width) + "x" + Math.round(height);
        var image = kept.get(key);
        if (image != null) {
            done.accept(new Loaded(image, null));
            return;
        }
        if (url == null) {
            done.accept(new Loaded(null, "not shared yet"));
            return;
        }
        var waiting = loading.get(key);
        if (waiting != null) {
            waiting.add(done); // the same picture twice on screen is fetched once
            return;
        }
        var callbacks = new ArrayList<Consumer<Loaded>>(List.of(done));
        loading.put(key, callbacks);
        Thread.ofVirtual().name("parley-picture").start(() -> {
            // One file per key: two loads never write the same file (the key is loaded once at a time).
            var loaded = fetch(url, key.replace('@', '-'), width, height);
            fx.execute(() -> {
                if (loaded.image() != null) {
                    kept.put(key, loaded.image());
                }
                loading.remove(key).forEach(callback -> callback.accept(loaded));
            });
        });
    }

    private Loaded fetch(String url, String name, double width, double height) {
        try {
            var file = folder().resolve(name);
            slots.acquire();
            try {
                // Content-addressed: a complete copy never changes, a partial one is continued.
                http.get().download(url, file, FileTransfers.Progress.NONE);
            } finally {
                slots.release();
            }
            var image = new Image(file.toUri().toString(), width, height, true, true, false);
            return image.isError() ? new Loaded(null, Transfer.reason(image.getException())) : new Loaded(image, null);
        } catch (InterruptedException stopped) {
            Thread.currentThread().interrupt();
            return new Loaded(null, "stopped");
        } catch (Exception failed) {
            return new Loaded(null, Transfer.reason(failed));
        }
    }

    /// Removes the fetched pictures from the disk.
    @Override
    public synchronized void close() {
        if (folder == null) {
            return;
        }
        try (var files = Files.list(folder)) {
            for (var file : files.toList()) {
                Files.deleteIfExists(file);
            }
            Files.deleteIfExists(folder);
        } catch (IOException ignored) {
            // A temporary folder; the system clears it eventually.
        }
    }
}
