package dev.parley.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.client.ClientEvent;
import dev.parley.server.ParleyServer;
import dev.parley.server.ServerConfig;
import java.time.Duration;
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
             var announcer = HostAnnouncer.start(server, "ann", false)) {
            assertThat(announcer.room().members()).isZero();
            assertThat(announcer.room().rooms()).containsExactly("lobby");

            try (var bob = WindowFixture.Peer.join(server.localUri(), "bob")) {
                Awaitility.await().atMost(Duration.ofSeconds(15)).until(() -> bob.events().stream()
                        .anyMatch(e -> e instanceof ClientEvent.Welcomed));
                bob.client().join("dev team");
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
            assertThat(HostAnnouncer.announcement(plain, "ann", false).tls()).isFalse();
            var announced = HostAnnouncer.announcement(encrypted, "ann", true);
            assertThat(announced.tls()).isTrue();
            assertThat(announced.fingerprint()).isEqualTo(encrypted.fingerprint()).isNotBlank();
            assertThat(announced.passwordProtected()).isTrue();
        }
    }
}
