package dev.parley.client;

import java.io.IOException;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/// Waits for an HTTP exchange that must keep moving: one that moves no byte for the limit is
/// given up, however long it has run in all, so a big file on a slow link still finishes. A
/// network that drops without a word, or a server that stops reading, leaves TCP silent, and
/// the exchange would otherwise wait for ever.
final class Stall {

    private final Duration limit;
    private volatile long last = System.nanoTime();

    Stall(Duration limit) {
        this.limit = limit;
    }

    /// `progress` that also tells this watch that bytes moved.
    FileTransfers.Progress watching(FileTransfers.Progress progress) {
        return (done, total) -> {
            last = System.nanoTime();
            progress.moved(done, total);
        };
    }

    /// The exchange's result; cancels it (interrupt included) once it stalls.
    <T> T await(CompletableFuture<T> exchange) throws IOException, InterruptedException {
        try {
            while (true) {
                long left = limit.toNanos() - (System.nanoTime() - last);
                if (left <= 0) {
                    exchange.cancel(true);
                    throw new HttpTimeoutException("no byte moved for " + limit.toSeconds() + " s");
                }
                try {
                    return exchange.get(left, TimeUnit.NANOSECONDS);
                } catch (TimeoutException notYet) {
                    // Bytes may have moved meanwhile: look again.
                }
            }
        } catch (InterruptedException interrupted) {
            exchange.cancel(true);
            throw interrupted;
        } catch (ExecutionException failed) {
            var cause = failed.getCause() instanceof CompletionException wrapped ? wrapped.getCause() : failed.getCause();
            throw cause instanceof IOException io ? io : new IOException(cause);
        }
    }
}
