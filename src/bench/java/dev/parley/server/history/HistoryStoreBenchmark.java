package dev.parley.server.history;

import dev.parley.server.history.HistoryStore.Stored;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/// Appends per second until committed, with group commit and with one transaction per
/// message, on a real file. Run:
/// `mvn -q test-compile exec:java -Dexec.classpathScope=test -Dexec.mainClass=dev.parley.server.history.HistoryStoreBenchmark -Dexec.args="20000 8"`
/// (arguments: messages per run, appending threads).
public final class HistoryStoreBenchmark {

    private static final List<String> ROOMS = List.of("lobby", "dev", "random", "中文");

    private HistoryStoreBenchmark() {}

    public static void main(String[] args) throws Exception {
        int messages = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
        int threads = args.length > 1 ? Integer.parseInt(args[1]) : 8;
        System.out.printf("history.db, WAL + synchronous=NORMAL, %d messages from %d threads into %d rooms%n",
                messages, threads, ROOMS.size());
        run("warm-up", SqliteHistoryStore.DEFAULT_MAX_BATCH, Math.min(messages, 5_000), threads);
        run("group commit (batch <= " + SqliteHistoryStore.DEFAULT_MAX_BATCH + ")",
                SqliteHistoryStore.DEFAULT_MAX_BATCH, messages, threads);
        run("one commit per message", 1, messages, threads);
    }

    private static void run(String name, int maxBatch, int messages, int threads) throws Exception {
        var dir = Files.createTempDirectory("parley-history-bench-");
        var text = "a message of ordinary length, about as long as people type in a chat — 你好";
        long start;
        long elapsed;
        long transactions;
        int stored;
        try (var store = SqliteHistoryStore.open(dir.resolve("history.db"), 10_000, maxBatch);
             var pool = Executors.newFixedThreadPool(threads)) {
            start = System.nanoTime();
            var work = new ArrayList<Future<List<CompletableFuture<Stored>>>>();
            for (int t = 0; t < threads; t++) {
                var sender = "user" + t;
                int count = messages / threads;
                work.add(pool.submit(() -> {
                    var futures = new ArrayList<CompletableFuture<Stored>>(count);
                    for (int i = 0; i < count; i++) {
                        futures.add(store.append(ROOMS.get(i % ROOMS.size()), sender, sender + ": " + text + i,
                                sender + "-" + i, Instant.now()));
                    }
                    return futures;
                }));
            }
            for (var batch : work) {
                CompletableFuture.allOf(batch.get().toArray(CompletableFuture[]::new)).join();
            }
            elapsed = System.nanoTime() - start;
            transactions = store.transactions();
            stored = ROOMS.stream().mapToInt(room -> store.page(room, 0L, null, messages).size()).sum();
        }
        System.out.printf("%-34s %,9.0f appends/s committed  (%,d messages, %,d transactions, %.2f s)%n",
                name, stored / (elapsed / 1e9), stored, transactions, elapsed / 1e9);
        deleteTree(dir);
    }

    private static void deleteTree(Path dir) throws Exception {
        try (var files = Files.list(dir)) {
            for (var file : files.toList()) {
                Files.delete(file);
            }
        }
        Files.delete(dir);
    }
}
