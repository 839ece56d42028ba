package dev.parley.ui.connect;

import dev.parley.ui.MainViewModel;
import dev.parley.ui.common.Background;
import dev.parley.ui.common.Note;
import dev.parley.ui.common.Settings;
import dev.parley.ui.log.LogLine;
import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.client.ClientConfig;
import dev.parley.client.ClientEvent;
import dev.parley.client.ConnectionState;
import dev.parley.client.DisconnectReason;
import dev.parley.client.KnownServers;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/// Trust on first use as the window shows it (direct executor, no FX; the server address is
/// closed, so connecting fails at once and never reaches a network).
class TrustViewModelTest {

    private static final URI SERVER = URI.create("wss://127.0.0.1:1/ws");
    private final MainViewModel vm = new MainViewModel(Runnable::run, Background.direct(),
            Clock.fixed(Instant.parse("2026-01-02T10:00:00Z"), ZoneOffset.UTC), new Settings(), null);

    private static ClientEvent.StateChanged disconnected(DisconnectReason reason, String detail) {
        return new ClientEvent.StateChanged(ConnectionState.DISCONNECTED, reason, null, detail);
    }

    @AfterEach
    void closeTheClient() {
        vm.disconnect();
    }

    private static String fingerprint(String pair) {
        return (pair + ":").repeat(31) + pair;
    }

    private List<String> systemLines() {
        return vm.log().lines("lobby").stream().filter(l -> l.kind() == LogLine.Kind.SYSTEM).map(LogLine::text).toList();
    }

    @Test
    void aFirstSeenServerGetsALogLineWithItsFingerprintAndAKnownOneNone() {
        vm.trust().words(note -> note.key() + ":" + note.args().getFirst());
        vm.apply(List.of(new ClientEvent.ServerTrusted("AB:CD", true), new ClientEvent.ServerTrusted("AB:CD", false)));
        assertThat(systemLines()).containsExactly("tls.newServer:AB:CD");
    }

    @Test
    void aChangedCertificateWarnsWithTheDetailAndCancelHidesIt() {
        vm.connect(ClientConfig.of(SERVER, "ann", "lobby", null), "there");
        vm.apply(List.of(disconnected(DisconnectReason.LOST, "gone")));
        assertThat(vm.trust().changedProperty().get()).isNull();

        vm.apply(List.of(disconnected(DisconnectReason.CERTIFICATE_CHANGED, "was AA, now BB")));
        assertThat(vm.trust().changedProperty().get()).isEqualTo(Note.of("tls.changed", "127.0.0.1:1", "was AA, now BB"));
        vm.trust().cancel();
        assertThat(vm.trust().changedProperty().get()).isNull();
    }

    @Test
    void trustingTheNewCertificateForgetsThePinAndConnectsAgain(@TempDir Path data) throws Exception {
        var pins = KnownServers.inFolder(data);
        pins.remember(KnownServers.key(SERVER), fingerprint("AA"));
        pins.remember("other:1", fingerprint("CC"));
        vm.trust().knownServers(pins);
        vm.connect(ClientConfig.of(SERVER, "ann", "lobby", null), "there");
        vm.apply(List.of(disconnected(DisconnectReason.CERTIFICATE_CHANGED, "changed")));

        vm.trust().trustNew();

        assertThat(vm.trust().changedProperty().get()).isNull();
        assertThat(KnownServers.inFolder(data).all()).containsOnlyKeys("other:1");
        // Connected again: the status bar went back through "connecting" to the failed attempt.
        assertThat(vm.status().stateProperty().get()).isIn(ConnectionState.CONNECTING, ConnectionState.DISCONNECTED,
                ConnectionState.RECONNECTING);
        assertThat(vm.status().serverProperty().get()).isEqualTo("there");
        assertThat(vm.status().encryptedProperty().get()).isTrue();
    }

    @Test
    void hostingWithTlsIsRemembered(@TempDir Path data) throws Exception {
        var settings = new Settings();
        var model = new MainViewModel(Runnable::run, Background.direct(), Clock.systemUTC(), settings, null);
        model.host().tlsProperty().set(true);
        settings.save(data);
        assertThat(Settings.load(data).tls()).isTrue();
        assertThat(new MainViewModel(Runnable::run, Background.direct(), Clock.systemUTC(), Settings.load(data), null)
                .host().tlsProperty().get()).isTrue();
    }

    /// Joins the encrypted room `announced` as found on the network (its fingerprint AA).
    private void joinAnnounced() {
        var room = dev.parley.discovery.DiscoveredRoom.of("Ann's room", "127.0.0.1", 1, List.of("lobby"), 1, false, true,
                fingerprint("AA"));
        assertThat(vm.join().choose(room)).isTrue();
        vm.join().nameProperty().set("ben");
        assertThat(vm.join().join()).isTrue();
    }

    @Test
    void anAnnouncedFingerprintGetsTheFirstUseNoteSayingWhereItCameFrom() {
        vm.trust().words(note -> note.key() + ":" + note.args().getFirst());
        joinAnnounced();
        vm.apply(List.of(new ClientEvent.ServerTrusted(fingerprint("AA"), false)));
        assertThat(systemLines()).containsExactly("tls.newServerAnnounced:" + fingerprint("AA"));
    }

    @Test
    void anAnnouncedServerPinnedBeforeGetsNoNote() {
        vm.trust().words(note -> note.key() + ":" + note.args().getFirst());
        vm.trust().knownServers().remember(KnownServers.key(SERVER), fingerprint("AA"));
        joinAnnounced();
        vm.apply(List.of(new ClientEvent.ServerTrusted(fingerprint("AA"), false)));
        assertThat(systemLines()).isEmpty();
    }
}
