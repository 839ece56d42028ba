package dev.parley.discovery;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/// How per-interface mDNS events become one found/updated/lost stream, without any network.
class SeenRoomsTest {

    private final List<String> heard = new ArrayList<>();
    private final SeenRooms rooms = new SeenRooms(new DiscoveryListener() {
        @Override
        public void roomFound(DiscoveredRoom room) {
            heard.add("found " + room.members());
        }

        @Override
        public void roomUpdated(DiscoveredRoom room) {
            heard.add("updated " + room.members());
        }

        @Override
        public void roomLost(DiscoveredRoom room) {
            heard.add("lost " + room.members());
        }
    });

    private static DiscoveredRoom room(int members) {
        return DiscoveredRoom.of("Alice", "10.0.0.5", 3001, List.of("lobby"), members, false, false, "");
    }

    @Test
    void sameAnnouncementTwiceIsFoundOnceAndChangesAreUpdates() {
        rooms.resolved("alice._parley._tcp.local.", "eth0", room(1));
        rooms.resolved("alice._parley._tcp.local.", "eth0", room(1));
        rooms.resolved("alice._parley._tcp.local.", "eth0", room(3));

        assertThat(heard).containsExactly("found 1", "updated 3");
        assertThat(rooms.rooms()).containsExactly(room(3));
    }

    @Test
    void aRoomSeenOnTwoInterfacesIsLostOnlyWhenBothLoseIt() {
        rooms.resolved("alice._parley._tcp.local.", "eth0", room(1));
        rooms.resolved("alice._parley._tcp.local.", "wlan0", room(1));

        rooms.removed("alice._parley._tcp.local.", "eth0");
        assertThat(heard).containsExactly("found 1");
        assertThat(rooms.keysSeenOn("wlan0")).containsExactly("alice._parley._tcp.local.");
        assertThat(rooms.keysSeenOn("eth0")).isEmpty();

        rooms.removed("alice._parley._tcp.local.", "wlan0");
        assertThat(heard).containsExactly("found 1", "lost 1");
        assertThat(rooms.rooms()).isEmpty();
    }

    @Test
    void removalOfAnUnknownRoomOrTwiceIsIgnored() {
        rooms.removed("nobody._parley._tcp.local.", "eth0");
        rooms.resolved("alice._parley._tcp.local.", "eth0", room(1));
        rooms.removed("alice._parley._tcp.local.", "eth0");
        rooms.removed("alice._parley._tcp.local.", "eth0");

        assertThat(heard).containsExactly("found 1", "lost 1");
    }

    @Test
    void nothingIsHeardAfterClose() {
        rooms.resolved("alice._parley._tcp.local.", "eth0", room(1));

        assertThat(rooms.close()).isTrue();
        assertThat(rooms.close()).isFalse();
        rooms.resolved("bob._parley._tcp.local.", "eth0", room(2));
        rooms.removed("alice._parley._tcp.local.", "eth0");

        assertThat(heard).containsExactly("found 1");
    }

    @Test
    void keysIgnoreTheCaseOfInstanceNames() {
        assertThat(InterfaceListener.key("Alice Room", "_parley._tcp.local."))
                .isEqualTo(InterfaceListener.key("alice room", "_PARLEY._tcp.local."));
    }
}
