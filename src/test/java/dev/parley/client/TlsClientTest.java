package dev.parley.client;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.client.ClientEvent.ChatAcknowledged;
import dev.parley.client.ClientEvent.ServerTrusted;
import dev.parley.client.ClientEvent.StateChanged;
import dev.parley.server.ParleyServer;
import dev.parley.server.ServerConfig;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/// Real TLS servers on free loopback ports and real clients: trust on first use, a changed
/// certificate, a fingerprint given up front, and the wrong scheme for a port.
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class TlsClientTest {

    @TempDir
    Path folder;

    private final TestClients clients = new TestClients();
    private final List<ParleyServer> servers = new ArrayList<>();

    @AfterEach
    void stop() {
        clients.close();
        servers.forEach(ParleyServer::stop);
    }

    private ParleyServer start(ServerConfig config) throws Exception {
        var server = ParleyServer.start(config);
        servers.add(server);
        return server;
    }

    private TestClients.Handle connect(URI uri, String name, KnownServers store, String expected) {
        return clients.connect(ClientConfig.of(uri, name, "lobby", null).withKnownServers(store).withExpectedFingerprint(expected));
    }

    private static StateChanged awaitDisconnected(TestClients.Handle handle) {
        return handle.log().await(StateChanged.class, s -> s.state() == ConnectionState.DISCONNECTED);
    }

    @Test
    void aMemberJoinsATlsRoomPinsItsCertificateOnFirstUseAndChats() throws Exception {
        var server = start(ServerConfig.forTests().withTls(true));
        var store = KnownServers.inMemory();

        var alice = connect(server.localUri(), "alice", store, null);
        alice.log().awaitState(ConnectionState.CONNECTED);
        assertThat(alice.log().all(ServerTrusted.class)).containsExactly(new ServerTrusted(server.fingerprint(), true));
        assertThat(store.all()).containsExactly(Map.entry("127.0.0.1:" + server.port(), server.fingerprint()));
        var cid = alice.client().sendChat("lobby", "over TLS");
        assertThat(alice.log().await(ChatAcknowledged.class, a -> a.cid().equals(cid)).chat().text()).isEqualTo("over TLS");

        var bob = connect(server.localUri(), "bob", store, null);
        bob.log().awaitState(ConnectionState.CONNECTED);
        assertThat(bob.log().all(ServerTrusted.class)).as("pinned already").containsExactly(new ServerTrusted(server.fingerprint(), false));
        assertThat(bob.log().await(ClientEvent.ChatReceived.class, c -> true).chat().text()).isEqualTo("over TLS");
    }

    @Test
    void anotherCertificateOnAPinnedAddressIsRefusedAndNotRetried() throws Exception {
        var store = KnownServers.inFolder(folder.resolve("member"));
        var first = start(ServerConfig.forTests().withTls(true).withDataDir(folder.resolve("host-1")));
        int port = first.port();
        var oldPrint = first.fingerprint();
        var before = connect(first.localUri(), "alice", store, null);
        before.log().awaitState(ConnectionState.CONNECTED);
        clients.close();
        first.stop();

        var second = start(ServerConfig.forTests().withTls(true).withDataDir(folder.resolve("host-2")).withPort(port));
        assertThat(second.fingerprint()).isNotEqualTo(oldPrint);
        var after = connect(second.localUri(), "alice", store, null);

        var refused = awaitDisconnected(after);
        assertThat(refused.reason()).isEqualTo(DisconnectReason.CERTIFICATE_CHANGED);
        assertThat(refused.detail()).contains("changed", oldPrint, second.fingerprint(), "attack", "reinstalled");
        assertThat(after.log().all(StateChanged.class)).noneMatch(s -> s.state() == ConnectionState.RECONNECTING);
        assertThat(after.log().all(ServerTrusted.class)).isEmpty();
        assertThat(second.stats().connections()).as("the handshake never reached the room").isZero();
        assertThat(KnownServers.inFolder(folder.resolve("member")).fingerprint("127.0.0.1:" + port))
                .as("the old pin is kept, on disk too").isEqualTo(oldPrint);

        // The user checked with the host and trusts the new certificate: forget the old pin.
        store.forget("127.0.0.1:" + port);
        var trusting = connect(second.localUri(), "alice", store, null);
        trusting.log().awaitState(ConnectionState.CONNECTED);
        assertThat(trusting.log().all(ServerTrusted.class)).containsExactly(new ServerTrusted(second.fingerprint(), true));
    }

    @Test
    void aClosedTlsClientLeavesNoJettyThreadBehind() throws Exception {
        var server = start(ServerConfig.forTests().withTls(true));
        var alice = connect(server.localUri(), "alice", null, null);
        alice.log().awaitState(ConnectionState.CONNECTED);
        assertThat(tlsThreads()).isPositive();
        clients.close();
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> tlsThreads() == 0);
    }

    private static long tlsThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.isAlive() && t.getName().startsWith("parley-jetty-tls")).count();
    }

    @Test
    void aFingerprintGivenUpFrontIsCheckedInsteadOfTrustingOnFirstUse() throws Exception {
        var server = start(ServerConfig.forTests().withTls(true));
        var typed = server.fingerprint().replace(":", "").toLowerCase(Locale.ROOT);
        var store = KnownServers.inMemory();

        var right = connect(server.localUri(), "alice", store, typed);
        right.log().awaitState(ConnectionState.CONNECTED);
        assertThat(right.log().all(ServerTrusted.class)).containsExactly(new ServerTrusted(server.fingerprint(), false));

        var other = start(ServerConfig.forTests().withTls(true));
        var emptyStore = KnownServers.inMemory();
        var wrong = connect(other.localUri(), "bob", emptyStore, server.fingerprint());
        var refused = awaitDisconnected(wrong);
        assertThat(refused.reason()).isEqualTo(DisconnectReason.CERTIFICATE_CHANGED);
        assertThat(refused.detail()).contains("not the expected one", server.fingerprint(), other.fingerprint());
        assertThat(emptyStore.all()).as("nothing pinned").isEmpty();
    }

    @Test
    void theWrongSchemeForAPortFailsWithAReasonTheUserCanAct() throws Exception {
        var tls = start(ServerConfig.forTests().withTls(true));
        var plain = start(ServerConfig.forTests());

        var toTls = connect(URI.create("ws://127.0.0.1:" + tls.port() + "/ws"), "alice", null, null);
        var toPlain = connect(URI.create("wss://127.0.0.1:" + plain.port() + "/ws"), "bob", null, null);

        var refusedByTls = awaitDisconnected(toTls);
        assertThat(refusedByTls.reason()).isEqualTo(DisconnectReason.REFUSED);
        assertThat(refusedByTls.detail()).isEqualTo("the server speaks TLS: use wss://");
        var refusedByPlain = awaitDisconnected(toPlain);
        assertThat(refusedByPlain.reason()).isEqualTo(DisconnectReason.REFUSED);
        assertThat(refusedByPlain.detail()).isEqualTo("the server does not speak TLS: use ws://");
    }
}
