package dev.parley.ui.connect;

import dev.parley.ui.common.DiscoveryPump;
import dev.parley.ui.common.Note;
import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.client.ClientConfig;
import dev.parley.discovery.DiscoveredRoom;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/// The "Rooms on your network" list and a click on one of its rooms, fed the way the LAN
/// browser feeds it (found / updated / lost calls through a [DiscoveryPump]).
class NearbyViewModelTest {

    private final List<Runnable> fxQueue = new ArrayList<>();
    private final JoinViewModel join = new JoinViewModel();
    private final DiscoveryPump pump = join.nearby().pump(fxQueue::add);

    private static DiscoveredRoom room(String name, String host, int port, int members, boolean password) {
        return DiscoveredRoom.of(name, host, port, List.of("lobby"), members, password, false, "");
    }

    private void runFx() {
        while (!fxQueue.isEmpty()) {
            fxQueue.removeFirst().run();
        }
    }

    @Test
    void roomsAppearUpdateInPlaceAndDisappearAndABurstIsOneHandOff() {
        var bob = room("bob", "10.0.0.7", 3001, 1, false);
        pump.roomFound(bob);
        pump.roomFound(room("Ann", "10.0.0.5", 3001, 2, true));
        pump.roomUpdated(room("bob", "10.0.0.7", 3002, 4, false));
        assertThat(fxQueue).as("three calls, one coalesced hand-off").hasSize(1);
        runFx();
        assertThat(join.nearby().rooms()).extracting(DiscoveredRoom::name, DiscoveredRoom::port, DiscoveredRoom::members)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("Ann", 3001, 2), org.assertj.core.groups.Tuple.tuple("bob", 3002, 4));

        // Same name on another host is another room; lost removes only the one it names.
        pump.roomFound(room("bob", "10.0.0.9", 3001, 0, false));
        pump.roomLost(room("bob", "10.0.0.7", 3002, 4, false));
        runFx();
        assertThat(join.nearby().rooms()).extracting(DiscoveredRoom::name, DiscoveredRoom::host)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("Ann", "10.0.0.5"), org.assertj.core.groups.Tuple.tuple("bob", "10.0.0.9"));

        pump.close();
        pump.roomFound(room("carol", "10.0.0.3", 3001, 0, false));
        runFx();
        assertThat(join.nearby().rooms()).hasSize(2);
    }

    @Test
    void aClickOnAnOpenRoomFillsTheFormAndJoins() {
        var joined = new ArrayList<ClientConfig>();
        join.connectWith((config, typed) -> joined.add(config));
        join.nameProperty().set("zoe");
        join.passwordProperty().set("left over");

        assertThat(join.choose(room("bob", "10.0.0.7", 3002, 1, false))).isTrue();

        assertThat(join.addressProperty().get()).isEqualTo("ws://10.0.0.7:3002/ws");
        assertThat(joined).singleElement().satisfies(config -> {
            assertThat(config.serverUri()).hasToString("ws://10.0.0.7:3002/ws");
            assertThat(config.password()).isNull();
        });
    }

    @Test
    void aRoomWithAPasswordAsksForItAndJoinsOnceItIsTyped() {
        var joined = new ArrayList<ClientConfig>();
        join.connectWith((config, typed) -> joined.add(config));
        join.nameProperty().set("zoe");
        join.passwordProperty().set("for another room");
        var locked = room("Ann", "fe80::1", 3001, 2, true);

        assertThat(join.choose(locked)).isFalse();
        assertThat(joined).isEmpty();
        assertThat(join.passwordProperty().get()).as("a password typed for another room is not sent here").isEmpty();
        assertThat(join.errorProperty().get()).isEqualTo(Note.of("join.needsPassword", "Ann"));
        assertThat(join.passwordWantedProperty().get()).isEqualTo(1);

        join.passwordProperty().set("s3cret");
        assertThat(join.choose(locked)).isTrue();
        assertThat(joined).singleElement().satisfies(config -> {
            assertThat(config.serverUri()).hasToString("ws://[fe80::1]:3001/ws");
            assertThat(config.password()).isEqualTo("s3cret");
        });
        assertThat(join.errorProperty().get()).isNull();
    }

    @Test
    void anEncryptedRoomIsJoinedWithItsAnnouncedFingerprintAndATypedAddressWithout() {
        var joined = new ArrayList<ClientConfig>();
        join.connectWith((config, typed) -> joined.add(config));
        join.nameProperty().set("zoe");
        var fingerprint = "ab:cd:".repeat(15) + "ab:cd";
        var encrypted = DiscoveredRoom.of("Ann", "10.0.0.5", 3001, List.of("lobby"), 1, false, true, fingerprint);

        assertThat(join.choose(encrypted)).isTrue();
        assertThat(joined.getLast().serverUri()).hasToString("wss://10.0.0.5:3001/ws");
        assertThat(joined.getLast().expectedFingerprint()).isEqualTo(dev.parley.protocol.Fingerprint.normalize(fingerprint));

        join.addressProperty().set("wss://10.0.0.6:3001/ws");
        assertThat(join.join()).isTrue();
        assertThat(joined.getLast().expectedFingerprint()).as("another address: trust on first use").isNull();
    }
}
