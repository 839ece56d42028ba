package dev.parley.server.history;

import java.nio.file.Files;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/// How long one `search` of the stored history takes on a full file (retention reached in
/// every room), for the kinds of query the window sends: once with every message in the
/// full-text index, once with none of them indexed yet (all found by the scan of the tail that
/// the indexer has not reached, see HistoryIndex). Run:
/// `mvn -q test-compile exec:java -Dexec.classpathScope=test -Dexec.mainClass=dev.parley.server.history.SearchBenchmark -Dexec.args="10000 2500"`
/// (arguments: messages per room, four rooms; messages per room for the unindexed run).
public final class SearchBenchmark {

    private static final List<String> ROOMS = List.of("lobby", "dev", "random", "中文");
    private static final List<String> QUERIES = List.of("ordinary", "message 4321", "你好世界", "你好", "x", "nothing-like-this");

    private SearchBenchmark() {}

    public static void main(String[] args) throws Exception {
        int perRoom = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        int tailPerRoom = args.length > 1 ? Integer.parseInt(args[1]) : 2_500;
        run("indexed", perRoom, HistoryIndex.Policy.DEFAULT);
        run("not indexed yet", tailPerRoom, HistoryIndexTest.NEVER);
    }

    private static void run(String name, int perRoom, HistoryIndex.Policy policy) throws Exception {
        var dir = Files.createTempDirectory("parley-search-bench-");
        try (var store = SqliteHistoryStore.open(dir.resolve("history.db"), perRoom, SqliteHistoryStore.DEFAULT_MAX_BATCH, policy)) {
            var appends = new ArrayList<CompletableFuture<?>>();
            for (int i = 0; i < perRoom * ROOMS.size(); i++) {
                var text = "message " + i + " of ordinary length, as people type in a chat — 你好世界 " + (i % 97);
                appends.add(store.append(ROOMS.get(i % ROOMS.size()), "user" + (i % 7), text, null, Instant.now()));
            }
            CompletableFuture.allOf(appends.toArray(CompletableFuture[]::new)).join();
            for (int i = 0; i < 6_000 && policy != HistoryIndexTest.NEVER && store.unindexed() > 0; i++) {
                Thread.sleep(10);
            }
            System.out.printf("%s: %,d messages in %d rooms, %,d of them not indexed; search limited to 2 rooms, 50 results%n",
                    name, perRoom * ROOMS.size(), ROOMS.size(), store.unindexed());
            var rooms = List.of("lobby", "中文");
            for (var query : QUERIES) {
                for (int i = 0; i < 5; i++) {
                    store.search(query, rooms, 50); // warm-up
                }
                int runs = 50;
                int found = 0;
                long start = System.nanoTime();
                for (int i = 0; i < runs; i++) {
                    found = store.search(query, rooms, 50).size();
                }
                System.out.printf("%-20s %7.2f ms per search  (%d results)%n", "'" + query + "'", (System.nanoTime() - start) / 1e6 / runs, found);
            }
        }
        try (var files = Files.list(dir)) {
            for (var file : files.toList()) {
                Files.delete(file);
            }
        }
        Files.delete(dir);
    }
}
