package dev.parley.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.parley.protocol.Limits;
import dev.parley.protocol.Message.Member;
import dev.parley.server.ParleyServer;
import dev.parley.server.ServerConfig;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/// A member's list of a room stays exactly the server's while others join, leave and change
/// their status at random (deltas applied in order), and after its connection is cut (a full
/// list after the reconnect).
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class PresenceExactnessTest {

    private static final String ROOM = "hall";
    private static final List<String> STATUSES = List.of("online", "away", "dnd");
    private static final Duration WAIT = Duration.ofSeconds(20);

    private ParleyServer server;
    private TcpProxy proxy;
    private final TestClients clients = new TestClients();

    @BeforeEach
    void start() throws Exception {
        server = ParleyServer.start(ServerConfig.forTests().withLimits(Limits.DEFAULTS.withRate(0, 0)));
        proxy = new TcpProxy(server.port());
    }

    @AfterEach
    void stop() throws Exception {
        clients.close();
        server.stop();
        proxy.close();
    }

    /// clientId → "status since": what a list says of each member (addresses aside).
    private static Map<String, String> view(List<Member> members) {
        var view = new TreeMap<String, String>();
        for (var member : members) {
            assertThat(view.put(member.clientId(), member.status() + " " + member.since())).as("listed twice: %s", member).isNull();
        }
        return view;
    }

    private void awaitSame(ParleyClient watcher, String when) {
        await(when).atMost(WAIT).pollInterval(Duration.ofMillis(50))
                .until(() -> view(watcher.members(ROOM)).equals(view(server.members(ROOM))));
    }

    @Test
    void theListIsTheServersUnderRandomJoinsLeavesAndStatusesAndAfterAReconnect() {
        var config = new ClientConfig(proxy.uri(), "watcher", ROOM, null, Duration.ofMillis(100), Duration.ofMillis(500), null);
        var watcher = clients.connected(config).client();
        var actors = new ArrayList<ParleyClient>();
        var inHall = new ArrayList<Boolean>();
        for (int i = 0; i < 12; i++) {
            actors.add(clients.connected(server.localUri(), "actor-" + i, "lobby").client());
            inHall.add(false);
        }
        awaitSame(watcher, "the watcher alone");
        var random = new Random(35);
        for (int step = 1; step <= 400; step++) {
            int who = random.nextInt(actors.size());
            var actor = actors.get(who);
            switch (random.nextInt(3)) {
                case 0 -> {
                    actor.join(ROOM);
                    inHall.set(who, true);
                }
                case 1 -> {
                    actor.leave(ROOM);
                    inHall.set(who, false);
                }
                default -> actor.status(STATUSES.get(random.nextInt(STATUSES.size())));
            }
            if (step == 200) {
                proxy.cutAll(); // the watcher reconnects while the others go on
                watcher.status("dnd");
            }
            if (step % 100 == 0) {
                awaitSame(watcher, "after step " + step);
            }
        }
        var expected = new java.util.TreeSet<String>(List.of("watcher"));
        for (int i = 0; i < actors.size(); i++) {
            if (inHall.get(i)) {
                expected.add("actor-" + i);
            }
        }
        await("the server has every step").atMost(WAIT)
                .until(() -> view(server.members(ROOM)).keySet(), expected::equals);
        awaitSame(watcher, "at the end");
        assertThat(watcher.members(ROOM)).extracting(Member::clientId).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(watcher.members(ROOM)).filteredOn(m -> m.clientId().equals("watcher"))
                .extracting(Member::status).containsExactly("dnd");
    }
}
