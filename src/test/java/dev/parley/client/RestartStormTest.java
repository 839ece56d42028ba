package dev.parley.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.parley.client.ClientEvent.StateChanged;
import dev.parley.protocol.Limits;
import dev.parley.protocol.Message.Member;
import dev.parley.server.ParleyServer;
import dev.parley.server.ServerConfig;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/// Real clients with the product's backoff, all dropped at once by a server restart: each waits
/// its own jittered time before trying again (so they do not all arrive in the same
/// millisecond), and every one of them is back.
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class RestartStormTest {

    private static final int MEMBERS = 40;
    private static final String ROOM = "hall";

    @Test
    void afterARestartEveryClientComesBackAfterItsOwnJitteredWait() throws Exception {
        var config = ServerConfig.forTests().withLimits(Limits.DEFAULTS.withRate(0, 0).withConnections(4 * MEMBERS, 4 * MEMBERS));
        var server = ParleyServer.start(config);
        try (var clients = new TestClients()) {
            var members = new ArrayList<TestClients.Handle>();
            for (int i = 0; i < MEMBERS; i++) {
                // The product's backoff: the defaults a ClientConfig gets.
                members.add(clients.connect(new ClientConfig(server.localUri(), "m" + i, ROOM, null, null, null, null)));
            }
            var ready = server;
            await().atMost(Duration.ofSeconds(60)).until(() -> ready.members(ROOM).size() == MEMBERS);

            int port = server.port();
            server.stop();
            server = ParleyServer.start(config.withPort(port));
            var restarted = server;
            await().atMost(Duration.ofSeconds(30)).alias("every client connected again")
                    .until(() -> members.stream().allMatch(m -> connectedAgain(m.log())));
            await().atMost(Duration.ofSeconds(15)).until(() -> restarted.members(ROOM).size() == MEMBERS);
            assertThat(restarted.members(ROOM)).extracting(Member::clientId).doesNotHaveDuplicates();

            var min = new ClientConfig(server.localUri(), "x", ROOM, null, null, null, null).minBackoff();
            var firstWaits = new ArrayList<Duration>();
            for (var member : members) {
                firstWaits.add(firstWaitAfterTheLoss(member.log()));
            }
            assertThat(firstWaits).allSatisfy(wait -> assertThat(wait).isBetween(min, min.multipliedBy(2)));
            assertThat(new HashSet<>(firstWaits)).as("distinct first waits of %d clients: %s", MEMBERS, firstWaits)
                    .hasSizeGreaterThan(MEMBERS / 2);
        } finally {
            server.stop();
        }
    }

    private static List<StateChanged> states(EventLog log) {
        return log.all(StateChanged.class);
    }

    /// Connected, then lost, then connected again.
    private static boolean connectedAgain(EventLog log) {
        var states = states(log);
        int lost = -1;
        for (int i = 0; i < states.size(); i++) {
            if (states.get(i).state() == ConnectionState.RECONNECTING && lost < 0) {
                lost = i;
            } else if (lost >= 0 && states.get(i).state() == ConnectionState.CONNECTED) {
                return true;
            }
        }
        return false;
    }

    private static Duration firstWaitAfterTheLoss(EventLog log) {
        return states(log).stream().filter(s -> s.state() == ConnectionState.RECONNECTING).findFirst().orElseThrow().retryIn();
    }
}
