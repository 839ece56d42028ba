package dev.parley.server.history;

import static org.awaitility.Awaitility.await;

import dev.parley.protocol.Limits;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

/// Fills a history file for the tests of other packages, full-text index included, so that a
/// search goes through the index rather than the scan of rows not indexed yet.
public final class HistoryFill {

    private HistoryFill() {}

    public static void fill(Path file, String room, String text, int messages) {
        try (var store = SqliteHistoryStore.open(file, Limits.DEFAULTS.historyRetention())) {
            for (int i = 1; i < messages; i++) {
                store.append(room, "filler", text, null, Instant.now());
            }
            store.append(room, "filler", text, null, Instant.now()).join();
            await().atMost(Duration.ofSeconds(60)).until(() -> store.unindexed() == 0);
        }
    }
}
