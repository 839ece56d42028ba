package dev.parley.ui.conversation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import dev.parley.client.ClientEvent;
import dev.parley.client.Line;
import dev.parley.protocol.Message;
import dev.parley.ui.common.Background;
import dev.parley.ui.common.Note;
import dev.parley.ui.common.Session;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/// The side list from the session's events (direct executor, no FX, no network).
class ConversationsViewModelTest {

    private final Session session = new Session(Runnable::run, Background.direct());
    private final Instant start = Instant.parse("2026-01-02T10:00:00Z");
    private final ConversationsViewModel rooms = new ConversationsViewModel(session, Clock.fixed(start, ZoneOffset.UTC));

    ConversationsViewModelTest() {
        rooms.reset("lobby");
        deliver(welcome("lobby"));
    }

    private void deliver(ClientEvent... events) {
        session.deliver(List.of(events));
    }

    private static ClientEvent welcome(String room) {
        return new ClientEvent.Welcomed(new Message.Welcome("ann", room, List.of(room), new Message.ServerInfo("Parley", "1"),
                null, null));
    }

    private static ClientEvent line(String conversation, String from, boolean own) {
        return new ClientEvent.LineAdded(new Line(conversation, null, 1, from, "hi", null, own, Line.State.SENT));
    }

    @Test
    void aWelcomeAfterAReconnectKeepsTheShownRoomAndItsCompany() {
        rooms.join("dev");
        deliver(welcome("lobby"));

        assertThat(rooms.active()).isEqualTo("dev");
        assertThat(rooms.conversations()).extracting(ConversationRow::id).containsExactly("lobby", "dev");
        rooms.reset("other");
        assertThat(rooms.conversations()).containsExactly(new ConversationRow("other", "other", false, 0, null));
        assertThat(rooms.active()).isEqualTo("other");
    }

    @Test
    void unreadCountsGrowForHiddenConversationsAndResetWhenShown() {
        rooms.join("dev");
        rooms.select("lobby");
        deliver(line("dev", "bob", false), line("dev", "bob", false), line("lobby", "bob", false), line("dev", "ann", true));

        assertThat(rooms.conversations()).extracting(ConversationRow::id, ConversationRow::unread)
                .containsExactly(tuple("lobby", 0), tuple("dev", 2));
        rooms.select("dev");
        assertThat(rooms.conversations()).extracting(ConversationRow::unread).containsExactly(0, 0);
    }

    @Test
    void aPrivateConversationAppearsAfterTheRoomsWithItsUnreadCount() {
        deliver(new ClientEvent.ConversationAppeared("@bob", "Bob"), line("@bob", "Bob", false));
        rooms.join("dev");

        assertThat(rooms.conversations()).extracting(ConversationRow::id, ConversationRow::title, ConversationRow::unread)
                .containsExactly(tuple("lobby", "lobby", 0), tuple("dev", "dev", 0), tuple("@bob", "Bob", 1));
    }

    @Test
    void typingShowsInTheRowAndUnderTheLogUntilALineOrTheTimeComes() {
        rooms.openPrivate("Bob");
        deliver(new ClientEvent.PrivateTyping("Bob"));

        assertThat(rooms.conversations().getLast().typing()).isEqualTo("Bob");
        assertThat(rooms.typingProperty().get()).isEqualTo(Note.of("typing.one", "Bob"));
        deliver(line("@bob", "Bob", false));
        assertThat(rooms.conversations().getLast().typing()).isNull();
        assertThat(rooms.typingProperty().get()).isNull();

        deliver(new ClientEvent.PrivateTyping("Bob"));
        rooms.tick(start.plus(ConversationsViewModel.TYPING_SHOWS).minusSeconds(1));
        assertThat(rooms.typingProperty().get()).isNotNull();
        rooms.tick(start.plus(ConversationsViewModel.TYPING_SHOWS));
        assertThat(rooms.typingProperty().get()).isNull();
    }

    @Test
    void altUpAndDownGoRoundTheListAndTheJumpBoxFindsByPartOfAName() {
        rooms.join("dev");
        rooms.openPrivate("Bob");
        rooms.select("lobby");

        rooms.move(1);
        assertThat(rooms.active()).isEqualTo("dev");
        rooms.move(-2);
        assertThat(rooms.active()).isEqualTo("@bob");
        assertThat(rooms.matching("B")).extracting(ConversationRow::id).containsExactly("@bob", "lobby");
    }

    @Test
    void joiningShowsTheRoomAndABadNameIsRefusedWithTheReason() {
        assertThat(rooms.join("  design team ")).isTrue();
        assertThat(rooms.active()).isEqualTo("design team");

        assertThat(rooms.join("no/slashes")).isFalse();
        assertThat(rooms.errorProperty().get().key()).isEqualTo("rooms.invalid");
        assertThat(rooms.openPrivate("   ")).isFalse();
        assertThat(rooms.errorProperty().get().key()).isEqualTo("conversations.badName");
    }

    @Test
    void leavingShowsAnotherRoomButTheLastOneStays() {
        rooms.join("dev");
        rooms.leave("dev");
        assertThat(rooms.active()).isEqualTo("lobby");

        rooms.leave("lobby");
        assertThat(rooms.conversations()).extracting(ConversationRow::id).containsExactly("lobby");
        assertThat(rooms.errorProperty().get()).isEqualTo(Note.of("rooms.last"));
    }
}
