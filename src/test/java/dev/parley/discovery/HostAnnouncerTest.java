package dev.parley.discovery;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.client.ClientConfig;
import dev.parley.client.ClientEvent;
import dev.parley.client.ParleyClient;
import dev.parley.server.ParleyServer;
import dev.parley.server.ServerConfig;
import java.time.Duration;
import java.util.concurrent.LinkedBlockingQueue;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/// The announcement follows the real server: members and rooms change as people join. Discovery
/// is off in tests, so the announcer keeps the values without sending them anywhere.
@Timeout(30)
class HostAnnouncerTest {

    @Test
    void refreshCarriesTheMemberCountAndTheRoomsOfTheRunningServer() throws Exception {
        try (var server = ParleyServer.start(ServerConfig.forTests());
             var announcer = announce(server, false)) {
            assertThat(announcer.room().members()).isZero();
            assertThat(announcer.room().rooms()).containsExactly("lobby");

            var events = new LinkedBlockingQueue<ClientEvent>();
            try (var bob = new ParleyClient(ClientConfig.of(server.localUri(), "bob", "lobby", null), events::add)) {
                bob.connect();
                Awaitility.await().atMost(Duration.ofSeconds(15)).until(() -> events.stream()
                        .anyMatch(e -> e instanceof ClientEvent.Welcomed));
                bob.join("dev team");
                Awaitility.await("bob in two rooms").atMost(Duration.ofSeconds(15)).until(() -> {
                    announcer.refresh();
                    return announcer.room().rooms().contains("dev team");
                });
                assertThat(announcer.room().members()).isEqualTo(1);
                assertThat(announcer.room().rooms()).containsExactly("dev team", "lobby");
                assertThat(announcer.room().serverName()).isEqualTo("ann");
            }
            Awaitility.await("bob gone").atMost(Duration.ofSeconds(15)).until(() -> {
                announcer.refresh();
                return announcer.room().members() == 0;
            });
        }
    }

    @Test
    void anEncryptedRoomAnnouncesTlsAndItsFingerprint() throws Exception {
        try (var plain = ParleyServer.start(ServerConfig.forTests());
             var encrypted = ParleyServer.start(ServerConfig.forTests().withTls(true))) {
            try (var open = announce(plain, false); var locked = announce(encrypted, true)) {
                assertThat(open.room().tls()).isFalse();
                assertThat(open.room().fingerprint()).isEmpty();
                assertThat(locked.room().tls()).isTrue();
                assertThat(locked.room().fingerprint()).isEqualTo(encrypted.fingerprint()).isNotBlank();
                assertThat(locked.room().passwordProtected()).isTrue();
            }
        }
    }

    /// As the window and `--headless` announce their server.
    private static HostAnnouncer announce(ParleyServer server, boolean passwordProtected) {
        return HostAnnouncer.start(AnnouncedRoom.of("ann", server.port(), passwordProtected, server.fingerprint()),
                () -> server.stats().connections(), server::roomNames);
    }
}
