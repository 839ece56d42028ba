package dev.parley.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.protocol.Checked;
import dev.parley.protocol.Codec;
import dev.parley.protocol.Message;
import dev.parley.protocol.Message.Member;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/// The presence of one room, without sockets: what a member is told when its turn comes.
class RosterTest {

    private static final int FRAME = 64 * 1024;

    private final Roster roster = new Roster("lobby", FRAME);

    private static Connection member(String name) {
        return new Connection(null, name, "192.168.1.9", false, "2026-01-01T00:00:00Z", new RateLimiter(0, 0));
    }

    private static List<Message.ToClient> decoded(List<Outgoing> frames) {
        var messages = new ArrayList<Message.ToClient>();
        for (var frame : frames) {
            assertThat(frame.size()).isLessThanOrEqualTo(FRAME);
            var bytes = new byte[frame.size()];
            frame.payload().get(bytes);
            messages.add(((Checked.Ok<Message.ToClient>) Codec.decodeToClient(new String(bytes, StandardCharsets.UTF_8))).value());
        }
        return messages;
    }

    private static List<Object> presenceOnly(List<Message.ToClient> messages) {
        return messages.stream().filter(m -> !(m instanceof Message.SystemNotice)).map(m -> (Object) m).toList();
    }

    @Test
    void aJoinerGetsTheListWithItselfThenOnlyChanges() {
        var ann = member("ann");
        roster.seat(ann);
        var annView = roster.watch(ann);
        assertThat(decoded(annView.frames())).containsExactly(new Message.Presence("lobby", List.of(new Member("ann", "2026-01-01T00:00:00Z", null))));
        roster.publish();
        assertThat(decoded(annView.frames())).as("its own arrival once more: a change changes nothing")
                .containsExactly(new Message.PresenceChange("lobby", List.of(new Member("ann", "2026-01-01T00:00:00Z", null)), List.of()));

        var bob = member("bob");
        roster.seat(bob);
        roster.publish();
        var told = decoded(annView.frames());
        assertThat(told).contains(new Message.SystemNotice("bob joined"));
        assertThat(presenceOnly(told)).containsExactly(
                new Message.PresenceChange("lobby", List.of(new Member("bob", "2026-01-01T00:00:00Z", null)), List.of()));
        assertThat(annView.frames()).as("nothing new").isEmpty();
    }

    @Test
    void aStatusChangeIsAJoinAndAJoinWithItsLeaveIsNothing() {
        var ann = member("ann");
        roster.seat(ann);
        var annView = roster.watch(ann);
        annView.frames();
        roster.publish();
        annView.frames();

        ann.status("away");
        roster.reseat(ann);
        var ghost = member("ghost");
        roster.seat(ghost);
        roster.unseat(ghost);
        roster.publish();
        assertThat(decoded(annView.frames())).containsExactly(
                new Message.PresenceChange("lobby", List.of(new Member("ann", "2026-01-01T00:00:00Z", null, "away")), List.of()));
    }

    @Test
    void aMemberFarBehindGetsTheFullListInsteadOfItsBacklog() {
        var slow = member("slow");
        roster.seat(slow);
        var slowView = roster.watch(slow);
        slowView.frames();
        roster.publish();
        for (int round = 0; round < Roster.MAX_EPOCHS + 10; round++) {
            var passer = member("passer-" + round);
            roster.seat(passer);
            roster.publish();
            roster.unseat(passer);
            roster.publish();
        }
        var told = decoded(slowView.frames());
        assertThat(told).as("one full list, not 276 changes").hasSize(1);
        assertThat(told.getFirst()).isEqualTo(new Message.Presence("lobby", List.of(new Member("slow", "2026-01-01T00:00:00Z", null))));
    }

    @Test
    void aLargeRoomIsPagedIntoFramesThatRebuildItExactly() {
        var names = new ArrayList<String>();
        for (int i = 0; i < 3_000; i++) {
            var name = "member-with-a-long-name-" + i;
            names.add(name);
            roster.seat(member(name));
        }
        roster.publish();
        var late = member("late");
        roster.seat(late);
        var told = decoded(roster.watch(late).frames());
        assertThat(told.size()).isGreaterThan(3);
        assertThat(told.getFirst()).isInstanceOf(Message.Presence.class);
        var seen = new ArrayList<String>();
        ((Message.Presence) told.getFirst()).members().forEach(m -> seen.add(m.clientId()));
        told.stream().skip(1).forEach(m -> ((Message.PresenceChange) m).joined().forEach(j -> seen.add(j.clientId())));
        names.add("late");
        assertThat(seen).containsExactlyInAnyOrderElementsOf(names);
    }

    @Test
    void crowdsAreNamedBriefly() {
        assertThat(PresenceFrames.notice(List.of("ann"), "joined")).isEqualTo("ann joined");
        assertThat(PresenceFrames.notice(List.of("ann", "bob"), "left")).isEqualTo("ann and bob left");
        assertThat(PresenceFrames.notice(List.of("a", "b", "c", "d"), "joined")).isEqualTo("a, b, c and d joined");
        assertThat(PresenceFrames.notice(List.of("a", "b", "c", "d", "e", "f"), "joined")).isEqualTo("a, b, c and 3 others joined");
    }
}
