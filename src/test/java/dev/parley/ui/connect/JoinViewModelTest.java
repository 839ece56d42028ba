package dev.parley.ui.connect;

import dev.parley.ui.common.Note;
import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.client.ClientConfig;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class JoinViewModelTest {

    private final List<ClientConfig> joined = new ArrayList<>();
    private final JoinViewModel join = new JoinViewModel();

    JoinViewModelTest() {
        join.connectWith((config, typed) -> joined.add(config));
        join.nameProperty().set(" ann ");
    }

    @Test
    void hostAndPortBecomeTheWsAddressAndAreRememberedFirst() {
        join.recent(List.of("old-host", "192.168.1.9:4000"));
        join.addressProperty().set("192.168.1.9:4000");
        join.passwordProperty().set("s3cret");

        assertThat(join.join()).isTrue();
        assertThat(joined).singleElement().satisfies(c -> {
            assertThat(c.serverUri()).isEqualTo(URI.create("ws://192.168.1.9:4000/ws"));
            assertThat(c.name()).isEqualTo("ann");
            assertThat(c.room()).isEqualTo("lobby");
            assertThat(c.password()).isEqualTo("s3cret");
        });
        assertThat(join.recent()).containsExactly("192.168.1.9:4000", "old-host");
    }

    @Test
    void fullUrlIsKeptAndAnEmptyPasswordMeansNone() {
        join.addressProperty().set("ws://[::1]:3001/ws");

        assertThat(join.join()).isTrue();
        assertThat(joined.getFirst().serverUri()).isEqualTo(URI.create("ws://[::1]:3001/ws"));
        assertThat(joined.getFirst().password()).isNull();
    }

    @Test
    void unreadableAddressBadNameOrBadRoomSayWhyAndConnectNothing() {
        join.addressProperty().set("");
        assertThat(join.join()).isFalse();
        assertThat(join.errorProperty().get()).isEqualTo(Note.of("join.noAddress"));

        join.addressProperty().set("http://host:99999");
        assertThat(join.join()).isFalse();
        assertThat(join.errorProperty().get().key()).isEqualTo("join.badAddress");

        join.addressProperty().set("localhost");
        join.nameProperty().set("   ");
        assertThat(join.join()).isFalse();
        assertThat(join.errorProperty().get().key()).isEqualTo("join.badName");

        join.nameProperty().set("ann");
        join.roomProperty().set("a/b");
        assertThat(join.join()).isFalse();
        assertThat(join.errorProperty().get().key()).isEqualTo("rooms.invalid");
        assertThat(joined).isEmpty();
    }

    @Test
    void anAppInviteGivesTheServerTheRoomAndTheFingerprintToPin() {
        var fingerprint = "AB:".repeat(31) + "AB";
        join.addressProperty().set(" parley://192.168.1.9:4000/team%20talk?fp=" + "ab".repeat(32) + " ");

        assertThat(join.join()).isTrue();
        assertThat(join.roomProperty().get()).isEqualTo("team talk");
        assertThat(joined).singleElement().satisfies(c -> {
            assertThat(c.serverUri()).isEqualTo(URI.create("wss://192.168.1.9:4000/ws"));
            assertThat(c.room()).isEqualTo("team talk");
            assertThat(c.expectedFingerprint()).isEqualTo(fingerprint);
        });
    }

    @Test
    void aBrokenInviteSaysWhyAndConnectsNothing() {
        join.addressProperty().set("parley://192.168.1.9:4000/lobby?fp=12");

        assertThat(join.join()).isFalse();
        assertThat(join.errorProperty().get().key()).isEqualTo("join.badAddress");
        assertThat(joined).isEmpty();
    }

    @Test
    void theLinkTheAppWasOpenedWithJoinsOnceThereIsAName() {
        join.nameProperty().set("");
        assertThat(join.open("parley://10.0.0.5:3001/team")).isFalse();
        assertThat(join.errorProperty().get().key()).isEqualTo("join.badName");
        assertThat(join.addressProperty().get()).as("kept for the next Join").isEqualTo("parley://10.0.0.5:3001/team");

        join.nameProperty().set("ann");
        assertThat(join.join()).isTrue();
        assertThat(joined.getFirst().room()).isEqualTo("team");
        assertThat(joined.getFirst().serverUri()).isEqualTo(URI.create("ws://10.0.0.5:3001/ws"));
    }
}
