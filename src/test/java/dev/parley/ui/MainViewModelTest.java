package dev.parley.ui;

import dev.parley.ui.common.Background;
import dev.parley.ui.common.Note;
import dev.parley.ui.common.Settings;
import dev.parley.ui.conversation.ConversationRow;
import dev.parley.ui.log.LogLine;
import dev.parley.ui.members.MemberRow;
import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.client.ClientEvent;
import dev.parley.client.ConnectionState;
import dev.parley.client.DisconnectReason;
import dev.parley.protocol.Message;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/// How client events reach the panes' view models (direct executor, no FX, no network).
class MainViewModelTest {

    private final MainViewModel vm = new MainViewModel(Runnable::run, Background.direct(),
            Clock.fixed(Instant.parse("2026-01-02T10:00:00Z"), ZoneOffset.UTC), new Settings(), null);

    private static Message.Welcome welcome(String name, int maxChars) {
        return new Message.Welcome(name, "lobby", List.of("lobby"), new Message.ServerInfo("Parley", "1"),
                new Message.AdvertisedLimits(maxChars, 65536, 20), null);
    }

    @Test
    void welcomeSetsSelfLimitAndRooms() {
        vm.apply(List.of(new ClientEvent.StateChanged(ConnectionState.CONNECTED, null, null, null),
                new ClientEvent.Welcomed(welcome("ann-2", 500)),
                new ClientEvent.PresenceChanged("lobby", List.of(new Message.Member("ann-2", null, null)))));

        assertThat(vm.input().maxCharsProperty().get()).isEqualTo(500);
        assertThat(vm.input().connectedProperty().get()).isTrue();
        assertThat(vm.members().members()).singleElement().extracting(MemberRow::self).isEqualTo(true);
        assertThat(vm.conversations().conversations()).extracting(ConversationRow::id).containsExactly("lobby");
    }

    @Test
    void seedServerSaysItHasNoMemberList() {
        vm.apply(List.of(new ClientEvent.StateChanged(ConnectionState.CONNECTED, null, null, null),
                new ClientEvent.SeedServerDetected()));

        assertThat(vm.members().seedOnlyProperty().get()).isTrue();
    }

    @Test
    void messagesInAHiddenRoomCountAsUnread() {
        vm.apply(List.of(new ClientEvent.Welcomed(welcome("ann", 4000)),
                new ClientEvent.PresenceChanged("dev", List.of())));
        vm.apply(List.of(new ClientEvent.LineAdded(
                new dev.parley.client.Line("dev", null, 1, "bob", "psst", null, false, dev.parley.client.Line.State.SENT))));

        assertThat(vm.conversations().conversations()).extracting(ConversationRow::id, ConversationRow::unread)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("lobby", 0), org.assertj.core.groups.Tuple.tuple("dev", 1));
        assertThat(vm.log().lines("dev")).extracting(LogLine::text).containsExactly("psst");
    }

    @Test
    void droppedConnectionDisablesInputWithTheReasonAndEmptiesTheList() {
        vm.apply(List.of(new ClientEvent.StateChanged(ConnectionState.CONNECTED, null, null, null),
                new ClientEvent.PresenceChanged("lobby", List.of(new Message.Member("bob", null, null))),
                new ClientEvent.StateChanged(ConnectionState.DISCONNECTED, DisconnectReason.SERVER_CLOSED, null, null)));

        assertThat(vm.input().connectedProperty().get()).isFalse();
        assertThat(vm.input().disabledReasonProperty().get()).isEqualTo(Note.of("input.off.disconnected"));
        assertThat(vm.members().members()).isEmpty();
        assertThat(vm.status().stateNoteProperty().get())
                .isEqualTo(Note.of("state.disconnected", Note.of("reason.server_closed")));
    }

    @Test
    void serverRefusalShowsBesideTheInputAndInTheLog() {
        vm.apply(List.of(new ClientEvent.Refused(dev.parley.protocol.ErrorCode.UNKNOWN_USER, "no such user", null)));

        assertThat(vm.input().errorProperty().get()).isEqualTo(Note.of("input.refused", "unknown_user", "no such user"));
        assertThat(vm.log().lines("lobby")).extracting(LogLine::kind).containsExactly(LogLine.Kind.ERROR);
    }
}
