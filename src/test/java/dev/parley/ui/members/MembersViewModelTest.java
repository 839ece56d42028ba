package dev.parley.ui.members;

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

    @Test
    void changesMoveOnlyTheRowsTheyConcernInNameOrder() {
        members.self("cat");
        members.showRoom("lobby");
        members.presence("lobby", List.of(new Message.Member("dan", null, null), new Message.Member("Bea", null, null)));
        assertThat(members.members()).extracting(MemberRow::clientId).containsExactly("Bea", "dan");

        members.update("lobby", List.of(new Message.Member("cat", null, null), new Message.Member("al", null, null)), List.of());
        assertThat(members.members()).extracting(MemberRow::clientId).containsExactly("al", "Bea", "cat", "dan");
        assertThat(members.members()).filteredOn(MemberRow::self).extracting(MemberRow::clientId).containsExactly("cat");

        members.update("lobby", List.of(new Message.Member("dan", null, null, "dnd")), List.of("Bea"));
        assertThat(members.members()).extracting(MemberRow::clientId).containsExactly("al", "cat", "dan");
        assertThat(members.members().getLast().status()).isEqualTo("dnd");
        assertThat(members.countProperty().get()).isEqualTo(3);

        members.update("dev", List.of(new Message.Member("eve", null, null)), List.of());
        members.showRoom("dev");
        assertThat(members.members()).as("no full list of 'dev' yet").isEmpty();
    }

    @Test
    void twoThousandArrivalsAreInsertedOneRowAtATimeNeverRebuilt() {
        members.showRoom("hall");
        members.presence("hall", List.of());
        var changes = new int[2];
        members.members().addListener((javafx.collections.ListChangeListener<MemberRow>) change -> {
            while (change.next()) {
                changes[0] += change.getAddedSize();
                changes[1] += change.getRemovedSize();
            }
        });
        var random = new java.util.Random(2_000);
        var names = new java.util.ArrayList<String>();
        for (int i = 0; i < 2_000; i++) {
            names.add("member-" + random.nextInt(1_000_000) + "-" + i);
        }
        for (int batch = 0; batch < 40; batch++) {
            members.update("hall", names.subList(batch * 50, batch * 50 + 50).stream()
                    .map(name -> new Message.Member(name, "2026-01-02T09:00:00Z", null)).toList(), List.of());
        }
        assertThat(members.countProperty().get()).isEqualTo(2_000);
        assertThat(members.members()).extracting(MemberRow::clientId)
                .isSortedAccordingTo(String.CASE_INSENSITIVE_ORDER);
        assertThat(changes).as("rows added, rows removed").containsExactly(2_000, 0);
    }
}
