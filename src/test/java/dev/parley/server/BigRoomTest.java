package dev.parley.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.parley.protocol.Limits;
import dev.parley.protocol.Message.Member;
import java.time.Duration;
import java.util.BitSet;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/// A room of 2,000 members on loopback: they join, the server restarts (twice, on the same port,
/// in the same process), they all come back at once (with the real client's jittered backoff),
/// and every member's list ends up exactly the server's — without anybody closed as a slow reader
/// for the presence traffic. A handshake is given longer than the test waits: one that the
/// server accepts and never answers fails the test instead of being tried again.
@Timeout(value = 240, unit = TimeUnit.SECONDS)
class BigRoomTest {

    private static final int MEMBERS = 2_000;
    private static final String ROOM = "hall";
    private static final int RESTARTS = 2;
    private static final Duration BACK_WITHIN = Duration.ofSeconds(20);

    private ParleyServer server;
    private Crowd crowd;
    private final List<String> tooSlow = new CopyOnWriteArrayList<>();

    @AfterEach
    void stop() {
        if (crowd != null) {
            crowd.close();
        }
        if (server != null) {
            server.stop();
        }
    }

    private ParleyServer start(int port) throws Exception {
        var limits = Limits.DEFAULTS.withRate(0, 0).withConnections(3 * MEMBERS, 3 * MEMBERS);
        return ParleyServer.start(ServerConfig.forTests().withLimits(limits).withPort(port), line -> {
            if (line.contains("too slow")) {
                tooSlow.add(line);
            }
        });
    }

    @Test
    void twoThousandMembersComeBackAfterEachRestartAndAllSeeTheServersList() throws Exception {
        server = start(0);
        int port = server.port();
        crowd = new Crowd(server.localUri(), ROOM, "m", MEMBERS, 4, 64, BACK_WITHIN.multipliedBy(2));
        crowd.join();
        var everybody = crowd.everybody();
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(200))
                .until(() -> crowd.seeing(everybody) == MEMBERS);

        for (int restart = 1; restart <= RESTARTS; restart++) {
            server.stop();
            long restarted = System.nanoTime();
            server = start(port);
            awaitEverybodyBack(everybody, restart);
            long backMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - restarted);

            var told = server.members(ROOM).stream().map(Member::clientId).toList();
            assertThat(told).hasSize(MEMBERS);
            assertThat(crowd.indicesOf(told, "m")).isEqualTo(everybody);
            assertThat(crowd.seeing(crowd.indicesOf(told, "m"))).as("back after %d ms", backMillis).isEqualTo(MEMBERS);
            assertThat(backMillis).isLessThan(BACK_WITHIN.toMillis());
        }
        assertThat(tooSlow).isEmpty();
        assertThat(crowd.closedByPolicy()).isZero();
    }

    private void awaitEverybodyBack(BitSet everybody, int restart) {
        await().atMost(BACK_WITHIN).pollInterval(Duration.ofMillis(200))
                .alias("everybody back and seeing everybody after restart " + restart)
                .conditionEvaluationListener(condition -> {
                    if (condition.getRemainingTimeInMS() <= 200) {
                        System.out.printf("after %d ms: %d seeing everybody, %d greeted, %d members on the server%n",
                                condition.getElapsedTimeInMS(), crowd.seeing(everybody), crowd.greeted(),
                                server.members(ROOM).size());
                    }
                })
                .until(() -> crowd.seeing(everybody) == MEMBERS);
    }
}
