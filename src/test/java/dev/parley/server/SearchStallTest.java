package dev.parley.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.protocol.Limits;
import dev.parley.server.history.HistoryFill;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/// The stall of issue 34: a phrase search over long, alike messages keeps SQLite busy for
/// seconds. It runs on its own lane within the read budget (default 2 s), so another member's
/// history never waits for it, and past its budget the search is answered `too_busy`.
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class SearchStallTest {

    /// Long messages of one letter: every trigram of a long phrase matches at every position,
    /// so the full-text index must check thousands of positions per message and term.
    private static final String TEXT = "a".repeat(4_000);
    private static final String SLOW_SEARCH = "{\"type\":\"search\",\"payload\":{\"query\":\"" + "a".repeat(200) + "\"}}";
    private static final int MESSAGES = 200;
    private static final Duration BUDGET = Duration.ofMillis(250);

    @TempDir
    Path data;

    @BeforeEach
    void fill() {
        HistoryFill.fill(data.resolve(HistoryStores.FILE_NAME), "big", TEXT, MESSAGES);
    }

    private ParleyServer start() {
        // A budget well under the slow search's time on any machine here, so that it is cut by the
        // budget however fast the machine is, and well over what an indexed page read takes.
        return TestServers.start(ServerConfig.forTests().withDataDir(data)
                .withLimits(Limits.DEFAULTS.withRate(0, 0).withReadBudget(BUDGET)));
    }

    @Test
    void aMemberJoiningAnotherRoomGetsItsHistoryWhileASlowSearchRuns() {
        try (var server = start();
             var alice = WsClient.connect(server, "clientId=alice&room=big").joined()) {
            alice.send(SLOW_SEARCH);

            long start = System.nanoTime();
            try (var bob = WsClient.connect(server, "clientId=bob&room=elsewhere")) {
                bob.next("history");
                assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start)).isLessThan(1_500);
            }
            var refused = alice.payload("error");
            assertThat(refused.get("code").getAsString()).isEqualTo("too_busy");
            assertThat(refused.get("ref").getAsString()).isEqualTo("search");
            // Cut at its budget, not left to run its course.
            assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start)).isLessThan(4_000);
        }
    }

    @Test
    void aMembersSearchesWaitTheirTurnWithinTheBudgetAndTheConnectionCarriesOn() {
        try (var server = start();
             var alice = WsClient.connect(server, "clientId=alice&room=big").joined()) {
            alice.send(SLOW_SEARCH);
            // Slow ones too: a quick search that gets its turn a moment before its own budget
            // ends would rightly be answered with results.
            for (int i = 0; i < Searches.MAX_WAITING + 1; i++) {
                alice.send(SLOW_SEARCH);
            }

            // One too many waiting: refused at once.
            var refused = alice.payload("error");
            assertThat(refused.get("code").getAsString()).isEqualTo("too_busy");
            assertThat(refused.get("message").getAsString()).contains("waiting");
            // The first past its budget, then those that waited as long.
            for (int i = 0; i < Searches.MAX_WAITING + 1; i++) {
                assertThat(alice.payload("error").get("code").getAsString()).isEqualTo("too_busy");
            }

            alice.send("{\"type\":\"search\",\"payload\":{\"query\":\"aaa\",\"limit\":1}}");
            assertThat(alice.payload("results").getAsJsonArray("messages")).hasSize(1);
            alice.send("{\"type\":\"history\",\"payload\":{\"room\":\"big\",\"limit\":3}}");
            assertThat(alice.payload("history").getAsJsonArray("messages")).hasSize(3);
            alice.assertOpen();
        }
    }

    @Test
    void searchesOfManyMembersAtOnceNeverHoldUpAJoin() {
        try (var server = start()) {
            var searchers = new java.util.ArrayList<WsClient>();
            try {
                for (int i = 0; i < 8; i++) {
                    var searcher = WsClient.connect(server, "clientId=s" + i + "&room=big").joined();
                    searchers.add(searcher);
                    searcher.send(SLOW_SEARCH);
                }
                long start = System.nanoTime();
                try (var bob = WsClient.connect(server, "clientId=bob&room=elsewhere")) {
                    bob.next("history");
                    assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start)).isLessThan(1_500);
                }
                for (var searcher : searchers) {
                    assertThat(searcher.payload("error").get("code").getAsString()).isEqualTo("too_busy");
                }
            } finally {
                searchers.forEach(WsClient::close);
            }
        }
    }
}
