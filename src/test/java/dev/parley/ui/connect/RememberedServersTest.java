package dev.parley.ui.connect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.parley.discovery.DiscoveredRoom;
import dev.parley.server.ParleyServer;
import dev.parley.server.ServerConfig;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/// Servers joined before show in "Rooms on your network" while a direct probe reaches them:
/// a real server on loopback stands in for one on another subnet.
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class RememberedServersTest {

    private final LinkedBlockingQueue<Runnable> fx = new LinkedBlockingQueue<>();
    private final NearbyViewModel nearby = new NearbyViewModel();

    private List<String> shownNames() {
        for (Runnable task; (task = fx.poll()) != null; ) {
            task.run();
        }
        return nearby.rooms().stream().map(DiscoveredRoom::name).toList();
    }

    @Test
    void aRememberedServerShowsWhileItIsUpAndGoesWhenItStops() throws Exception {
        var server = ParleyServer.start(ServerConfig.forTests());
        var typed = "127.0.0.1:" + server.port();
        try (var probe = RememberedServers.probe(List.of(typed, "not an address!", "parley://127.0.0.1:" + server.port() + "/team"),
                nearby.rememberedPump(fx::add), Duration.ofMillis(200))) {
            await().atMost(Duration.ofSeconds(20)).until(() -> shownNames().equals(List.of(typed)));
            var room = nearby.rooms().getFirst();
            assertThat(room.uri()).isEqualTo(server.localUri());
            assertThat(room.tls()).isFalse();

            server.stop();

            await().atMost(Duration.ofSeconds(20)).until(() -> shownNames().isEmpty());
        } finally {
            server.stop();
        }
    }

    @Test
    void aServerThatIsAlsoAnnouncedShowsOnceAsAnnounced() {
        var remembered = nearby.rememberedPump(fx::add);
        var announced = nearby.pump(fx::add);
        var server = java.net.URI.create("ws://10.1.2.3:3001/ws");

        remembered.roomFound(RememberedServers.room("10.1.2.3", server, 2));
        assertThat(shownNames()).containsExactly("10.1.2.3");
        announced.roomFound(DiscoveredRoom.of("Ann's room", "10.1.2.3", 3001, List.of("lobby"), 2, false, false, ""));
        assertThat(shownNames()).containsExactly("Ann's room");
        announced.roomLost(DiscoveredRoom.of("Ann's room", "10.1.2.3", 3001, List.of("lobby"), 2, false, false, ""));
        assertThat(shownNames()).as("still answering the probe").containsExactly("10.1.2.3");
    }
}
