package dev.parley.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.protocol.Message;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class MembersViewModelTest {

    private final MembersViewModel members =
            new MembersViewModel(Clock.fixed(Instant.parse("2026-01-02T10:00:00Z"), ZoneOffset.UTC));

    @Test
    void showsTheShownRoomsMembersWithSelfMarkedAndCounts() {
        members.self("ann");
        members.showRoom("lobby");
        members.presence("lobby", List.of(
                new Message.Member("ann", "2026-01-02T09:59:00Z", "127.0.0.1"),
                new Message.Member("bob", "2026-01-02T09:58:00Z", null)));
        members.presence("dev", List.of(new Message.Member("carol", "2026-01-02T09:00:00Z", null)));

        assertThat(members.members()).containsExactly(
                new MemberRow("ann", Instant.parse("2026-01-02T09:59:00Z"), "127.0.0.1", true),
                new MemberRow("bob", Instant.parse("2026-01-02T09:58:00Z"), null, false));
        assertThat(members.countProperty().get()).isEqualTo(2);

        members.showRoom("dev");
        assertThat(members.members()).extracting(MemberRow::clientId).containsExactly("carol");
        assertThat(members.countProperty().get()).isEqualTo(1);
    }

    @Test
    void aLeaverDisappearsAndADroppedConnectionEmptiesTheList() {
        members.showRoom("lobby");
        members.presence("lobby", List.of(new Message.Member("ann", null, null), new Message.Member("bob", null, null)));
        members.presence("lobby", List.of(new Message.Member("ann", null, null)));
        assertThat(members.members()).extracting(MemberRow::clientId).containsExactly("ann");

        members.clear();
        assertThat(members.members()).isEmpty();
        assertThat(members.countProperty().get()).isZero();
    }
}
