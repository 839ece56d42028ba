package dev.parley.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.parley.protocol.Limits;
import dev.parley.protocol.Message.Member;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/// A member that has stopped reading while the room's presence churns (status changes, comers and
/// goers, each round its own published delta): the server holds at most one presence entry for
/// it, whatever the number of changes, counts none of it against the slow-reader limit, and so
/// never closes it for presence. The entry becomes what changed (or the full list) only when its
/// turn to be sent comes.
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class PresenceBoundTest {

    private static final int TOGGLERS = 8;
    private static final int CHANGES_EACH = 40;

    @Test
    void aMemberThatStopsReadingHoldsOnePresenceEntryHoweverMuchChanges() throws Exception {
        var limits = Limits.DEFAULTS.withRate(0, 0);
        List<String> tooSlow = new CopyOnWriteArrayList<>();
        var log = (ServerLog) line -> {
            if (line.contains("too slow")) {
                tooSlow.add(line);
            }
        };
        var others = new ArrayList<WsClient>();
        try (var server = ParleyServer.start(ServerConfig.forTests().withLimits(limits), log);
             var watcher = WsClient.connect(server, "clientId=watcher").joined();
             var _ = WsClient.connect(server, "clientId=stuck", Map.of(), false)) {
            await().atMost(Duration.ofSeconds(15)).until(() -> server.connection("stuck") != null);
            var stuck = server.connection("stuck");
            fillThePipe(watcher, stuck);
            int entriesBefore = stuck.unsentEntries();
            long bytesBefore = stuck.unsentBytes();

            for (int i = 0; i < TOGGLERS; i++) {
                others.add(WsClient.connect(server, "clientId=toggler" + i).joined());
            }
            for (int change = 0; change < CHANGES_EACH; change++) {
                var status = change % 2 == 0 ? "away" : "online";
                for (var toggler : others) {
                    toggler.send("{\"type\":\"status\",\"payload\":{\"status\":\"" + status + "\"}}");
                }
                if (change % 4 == 0) {
                    // Comers and goers too: a join and a leave each make a delta with a system line.
                    var comer = WsClient.connect(server, "clientId=comer" + change);
                    comer.close();
                }
                assertThat(stuck.unsentEntries()).as("entries held for the member that stopped reading, change %d", change)
                        .isLessThanOrEqualTo(entriesBefore + 1);
                assertThat(stuck.unsentBytes()).as("bytes counted against its slow-reader limit").isEqualTo(bytesBefore);
                // The round's delta reached a reader before the next round: one published change each.
                watcher.next("presence");
            }

            assertThat(stuck.unsentEntries()).isLessThanOrEqualTo(entriesBefore + 1);
            assertThat(tooSlow).isEmpty();
            assertThat(server.members("lobby")).extracting(Member::clientId).contains("stuck");
        } finally {
            others.forEach(WsClient::close);
        }
    }

    /// Chat until the member that does not read has frames queued at the server: its socket's
    /// buffers are full, and whatever comes next stays at the server.
    private static void fillThePipe(WsClient sender, Connection stuck) {
        var text = "p".repeat(3_000);
        for (int i = 0; i < 400 && stuck.unsentBytes() < 64 * 1024; i++) {
            sender.chat(text);
            sender.next("chat");
        }
        assertThat(stuck.unsentBytes()).as("frames queued for the member that does not read").isPositive();
    }
}
