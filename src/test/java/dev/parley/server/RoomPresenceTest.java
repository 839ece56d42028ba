package dev.parley.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.protocol.Limits;
import dev.parley.protocol.Message.Member;
import org.junit.jupiter.api.Test;

/// Who sees addresses: only a viewer on the host itself (loopback). A LAN peer cannot be made
/// in a loopback-only test, so this checks the room's member list directly.
class RoomPresenceTest {

    private static Connection member(String name, String address, boolean loopback) {
        return new Connection(null, name, address, loopback, "2026-01-01T00:00:00Z", new RateLimiter(0, 0));
    }

    /// A room whose chats go nowhere: these tests send none.
    private static Room lobby() {
        return new Room("lobby", Limits.DEFAULTS.maxFrameBytes(), new Room.ChatPath(new MemoryHistoryStore(10), Runnable::run,
                new Metrics()));
    }

    @Test
    void onlyTheHostsOwnConnectionsSeeAddresses() {
        var room = lobby();
        var host = member("host", "127.0.0.1", true);
        var peer = member("peer", "192.168.1.7", false);
        room.add(host);
        room.add(peer);
        room.roster().publish();

        assertThat(room.roster().told(true)).extracting(Member::address).containsExactly("127.0.0.1", "192.168.1.7");
        assertThat(room.roster().told(false)).extracting(Member::address).containsOnlyNulls();
        assertThat(room.roster().told(false)).extracting(Member::clientId).containsExactly("host", "peer");
    }

    @Test
    void theLastMemberLeavingEndsTheRoom() {
        var room = lobby();
        var one = member("one", "127.0.0.1", true);
        room.add(one);
        assertThat(room.remove(one)).isTrue();
        assertThat(room.add(member("late", "127.0.0.1", true))).as("a dead room takes nobody").isFalse();
    }
}
