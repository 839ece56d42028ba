package dev.parley.client;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.client.ClientEvent.ServerTrusted;
import dev.parley.protocol.Invite;
import dev.parley.server.ParleyServer;
import dev.parley.server.ServerConfig;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/// An app invite (`parley://…?fp=`) against a real TLS server: the fingerprint inside it is
/// the check, so the client pins the certificate without treating it as a first use.
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class InviteJoinTest {

    private final TestClients clients = new TestClients();
    private ParleyServer server;

    @AfterEach
    void stop() {
        clients.close();
        if (server != null) {
            server.stop();
        }
    }

    private TestClients.Handle joinFrom(String link, KnownServers pins) {
        var invite = Invite.parse(link);
        assertThat(Addresses.parse(link)).isEqualTo(invite.serverUri());
        return clients.connect(ClientConfig.of(invite.serverUri(), "ann", invite.room(), null)
                .withKnownServers(pins).withExpectedFingerprint(invite.fingerprint()));
    }

    @Test
    void anInviteWithTheHostsFingerprintJoinsAndPinsWithoutAFirstUse() throws Exception {
        server = ParleyServer.start(ServerConfig.forTests().withTls(true));
        var link = new Invite("127.0.0.1", server.port(), "team", server.fingerprint()).appLink();
        var pins = KnownServers.inMemory();

        var ann = joinFrom(link, pins);

        ann.log().awaitState(ConnectionState.CONNECTED);
        assertThat(ann.log().all(ServerTrusted.class)).containsExactly(new ServerTrusted(server.fingerprint(), false));
        assertThat(pins.all()).containsExactly(Map.entry("127.0.0.1:" + server.port(), server.fingerprint()));
        assertThat(ann.log().await(ClientEvent.Welcomed.class, w -> true).welcome().room()).isEqualTo("team");
    }

    @Test
    void anInviteWithAnotherFingerprintIsRefusedAndPinsNothing() throws Exception {
        server = ParleyServer.start(ServerConfig.forTests().withTls(true));
        var link = new Invite("127.0.0.1", server.port(), "team", "AB:".repeat(31) + "AB").appLink();
        var pins = KnownServers.inMemory();

        var ann = joinFrom(link, pins);

        var refused = ann.log().await(ClientEvent.StateChanged.class, s -> s.state() == ConnectionState.DISCONNECTED);
        assertThat(refused.reason()).isEqualTo(DisconnectReason.CERTIFICATE_CHANGED);
        assertThat(pins.all()).isEmpty();
        assertThat(server.stats().connections()).isZero();
    }
}
