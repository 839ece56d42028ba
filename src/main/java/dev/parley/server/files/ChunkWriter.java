package dev.parley.server.files;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.security.MessageDigest;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/// Hashes and writes one chunk of an upload on its own thread while the request thread reads
/// the next: two fixed buffers, at most one in flight, in order. Hashing is the costliest step
/// of an upload, and this way it overlaps with reading the socket instead of following it.
final class ChunkWriter implements AutoCloseable {

    private final FileChannel channel;
    private final MessageDigest digest;
    private final byte[][] buffers;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(Thread.ofVirtual().name("parley-upload").factory());
    private int free;
    private Future<?> inFlight;

    ChunkWriter(FileChannel channel, MessageDigest digest, int size) {
        this.channel = channel;
        this.digest = digest;
        this.buffers = new byte[][] {new byte[size], new byte[size]};
    }

    /// The buffer to fill next; never the one being written.
    byte[] buffer() {
        return buffers[free];
    }

    /// Hands over the first `length` bytes of [#buffer] to be hashed and written at `position`,
    /// once the chunk before it is done.
    void write(int length, long position) throws IOException {
        finish();
        var chunk = buffers[free];
        free ^= 1;
        inFlight = worker.submit(() -> {
            digest.update(chunk, 0, length);
            var bytes = ByteBuffer.wrap(chunk, 0, length);
            long at = position;
            while (bytes.hasRemaining()) {
                at += channel.write(bytes, at);
            }
            return null;
        });
    }

    /// Waits until every chunk handed over is hashed and written.
    void finish() throws IOException {
        if (inFlight == null) {
            return;
        }
        try {
            inFlight.get();
        } catch (ExecutionException failed) {
            throw failed.getCause() instanceof IOException io ? io : new IOException(failed.getCause());
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while writing an upload");
        } finally {
            inFlight = null;
        }
    }

    @Override
    public void close() {
        try {
            finish();
        } catch (IOException ignored) {
            // Closing after a failure: the failure was reported where it happened.
        }
        worker.shutdown();
    }
}
