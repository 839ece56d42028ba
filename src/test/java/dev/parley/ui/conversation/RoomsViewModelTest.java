package dev.parley.ui.conversation;

import dev.parley.ui.common.Note;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RoomsViewModelTest {

    private final List<String> joins = new ArrayList<>();
    private final List<String> leaves = new ArrayList<>();
    private final RoomsViewModel rooms = new RoomsViewModel();

    RoomsViewModelTest() {
        rooms.connectTo(joins::add, leaves::add);
        rooms.reset("lobby");
        rooms.welcomed("lobby", List.of("lobby"));
    }

    @Test
    void aWelcomeAfterAReconnectKeepsTheShownRoomAndItsCompany() {
        rooms.join("dev");
        rooms.welcomed("lobby", List.of("lobby"));

        assertThat(rooms.active()).isEqualTo("dev");
        assertThat(rooms.rooms()).extracting(RoomRow::name).containsExactly("lobby", "dev");
        rooms.reset("other");
        assertThat(rooms.rooms()).containsExactly(new RoomRow("other", 0));
        assertThat(rooms.active()).isEqualTo("other");
    }

    @Test
    void unreadCountsGrowForHiddenRoomsAndResetWhenShown() {
        rooms.join("dev");
        rooms.select("lobby");
        rooms.arrived("dev");
        rooms.arrived("dev");
        rooms.arrived("lobby");

        assertThat(rooms.rooms()).containsExactly(new RoomRow("lobby", 0), new RoomRow("dev", 2));
        rooms.select("dev");
        assertThat(rooms.rooms()).containsExactly(new RoomRow("lobby", 0), new RoomRow("dev", 0));
    }

    @Test
    void joiningAsksTheServerAndShowsTheRoom() {
        assertThat(rooms.join("  design team ")).isTrue();

        assertThat(joins).containsExactly("design team");
        assertThat(rooms.active()).isEqualTo("design team");
    }

    @Test
    void invalidRoomNameIsRefusedWithTheReason() {
        assertThat(rooms.join("no/slashes")).isFalse();

        assertThat(joins).isEmpty();
        assertThat(rooms.errorProperty().get().key()).isEqualTo("rooms.invalid");
    }

    @Test
    void leavingShowsAnotherRoomButTheLastOneStays() {
        rooms.join("dev");
        rooms.leave("dev");
        assertThat(leaves).containsExactly("dev");
        assertThat(rooms.active()).isEqualTo("lobby");

        rooms.leave("lobby");
        assertThat(leaves).containsExactly("dev");
        assertThat(rooms.errorProperty().get()).isEqualTo(Note.of("rooms.last"));
    }
}
