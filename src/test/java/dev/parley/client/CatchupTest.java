package dev.parley.client;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.protocol.Message;
import dev.parley.protocol.Message.Chat;
import dev.parley.protocol.Message.HistoryRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/// The catch-up rules, driven frame by frame: what is asked, what is delivered.
class CatchupTest {

    /// Records what would go to the server; always connected and greeted.
    private static final class Wire implements Conversation.Link {
        final List<Message.ToServer> sent = new ArrayList<>();

        @Override
        public boolean send(Message.ToServer message) {
            sent.add(message);
            return true;
        }

        @Override
        public String clientId() {
            return "me";
        }

        @Override
        public boolean seed() {
            return false;
        }
    }

    private final Wire wire = new Wire();
    private final EventLog log = new EventLog();
    private final Catchup catchup = new Catchup(wire, log::onEvent);

    private static Chat chat(long seq) {
        return new Chat("id" + seq, "lobby", seq, seq % 2 == 0 ? "me" : "bob", "m" + seq, null, null);
    }

    private static List<Chat> chats(long from, long to) {
        return LongStream.rangeClosed(from, to).mapToObj(CatchupTest::chat).toList();
    }

    private List<Long> delivered() {
        return log.all(ClientEvent.ChatReceived.class).stream().map(c -> c.chat().seq()).toList();
    }

    private List<Long> asked() {
        return wire.sent.stream().map(m -> ((HistoryRequest) m).after()).toList();
    }

    @Test
    void aGapInLiveMessagesAsksForWhatIsMissingAndFillsIt() {
        catchup.connected("lobby");
        catchup.history(new Message.History("lobby", chats(1, 3), true));
        catchup.live(chat(6));
        catchup.live(chat(7));
        assertThat(delivered()).containsExactly(1L, 2L, 3L);
        assertThat(asked()).containsExactly(3L);
        catchup.live(chat(8));
        assertThat(asked()).as("one request per gap").containsExactly(3L);
        catchup.history(new Message.History("lobby", chats(4, 8), true));
        assertThat(delivered()).containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L);
        assertThat(log.all(ClientEvent.ChatReceived.class)).filteredOn(ClientEvent.ChatReceived::own)
                .extracting(c -> c.chat().seq()).containsExactly(2L, 4L, 6L, 8L);
    }

    @Test
    void afterAReconnectItAsksFromTheLastSeqAndPagesUntilComplete() {
        catchup.connected("lobby");
        catchup.history(new Message.History("lobby", chats(1, 10), true));
        catchup.disconnected();
        catchup.connected("lobby");
        assertThat(asked()).containsExactly(10L);
        catchup.history(new Message.History("lobby", chats(71, 120), false)); // the join page
        catchup.history(new Message.History("lobby", chats(11, 60), false)); // our page, not the last
        assertThat(asked()).containsExactly(10L, 60L);
        catchup.history(new Message.History("lobby", chats(61, 110), false));
        catchup.history(new Message.History("lobby", List.of(), true));
        assertThat(delivered()).containsExactlyElementsOf(LongStream.rangeClosed(1, 120).boxed().toList());
    }

    @Test
    void aGapTheServerCannotFillAnyMoreIsSkipped() {
        catchup.connected("lobby");
        catchup.history(new Message.History("lobby", chats(1, 2), true));
        catchup.live(chat(9));
        catchup.history(new Message.History("lobby", chats(7, 9), true)); // 3–6 are past retention
        assertThat(delivered()).containsExactly(1L, 2L, 7L, 8L, 9L);
    }

    @Test
    void requestedPagesGoToTheListenerAndNotIntoTheRoom() {
        catchup.connected("lobby");
        catchup.history(new Message.History("lobby", chats(50, 60), false));
        catchup.requestPage(new HistoryRequest("lobby", null, 50L, 10), true);
        catchup.history(new Message.History("lobby", chats(40, 49), false));
        var page = log.await(ClientEvent.HistoryPage.class, p -> true);
        assertThat(page.messages()).hasSize(10);
        assertThat(delivered()).containsExactlyElementsOf(LongStream.rangeClosed(50, 60).boxed().toList());
    }

    @Test
    void anEmptyRoomAfterReconnectMeansTheServerStartedAfresh() {
        catchup.connected("lobby");
        catchup.history(new Message.History("lobby", chats(1, 5), true));
        catchup.disconnected();
        catchup.connected("lobby");
        catchup.history(new Message.History("lobby", List.of(), true));
        catchup.live(new Chat("fresh", "lobby", 1, "bob", "first again", null, null));
        assertThat(log.texts("lobby")).containsExactly("m1", "m2", "m3", "m4", "m5", "first again");
    }

    @Test
    void aCatchupRefusedAsTooBusyIsAskedAgainAfterAWaitAndItsAnswerFillsTheGap() {
        catchup.connected("lobby");
        catchup.history(new Message.History("lobby", chats(1, 3), true));
        catchup.live(chat(6));
        assertThat(asked()).containsExactly(3L);

        var wait = catchup.refused("lobby", "history");
        assertThat(wait).isBetween(Catchup.RETRY_MIN, Catchup.RETRY_MIN.multipliedBy(2));
        assertThat(asked()).as("nothing before the wait").containsExactly(3L);
        catchup.retry("lobby");
        assertThat(asked()).containsExactly(3L, 3L);

        catchup.history(new Message.History("lobby", chats(4, 6), true));
        assertThat(delivered()).containsExactly(1L, 2L, 3L, 4L, 5L, 6L);
    }

    @Test
    void aJoinsRefusedPageIsAskedForAsTheRecentMessagesWaitingLongerEachTime() {
        catchup.connected("lobby");
        var first = catchup.refused("lobby", "join");
        catchup.retry("lobby");
        var again = (HistoryRequest) wire.sent.getLast();
        assertThat(again.room()).isEqualTo("lobby");
        assertThat(again.after()).as("the recent messages, as a join brings").isNull();

        var second = catchup.refused("lobby", "history");
        assertThat(second).isGreaterThanOrEqualTo(first).isGreaterThanOrEqualTo(Catchup.RETRY_MIN.multipliedBy(2));
        catchup.retry("lobby");
        catchup.history(new Message.History("lobby", chats(1, 2), true));
        assertThat(delivered()).containsExactly(1L, 2L);
    }

    @Test
    void aRefusedUsersPageIsNotAskedAgainAndTheNextAnswerGoesWhereItBelongs() {
        catchup.connected("lobby");
        catchup.history(new Message.History("lobby", chats(1, 3), true));
        catchup.requestPage(new HistoryRequest("lobby", null, 2L, 10), true);
        assertThat(catchup.refused("lobby", "history")).isNull();
        catchup.live(chat(5));
        catchup.history(new Message.History("lobby", chats(4, 5), true));
        assertThat(delivered()).containsExactly(1L, 2L, 3L, 4L, 5L);
        assertThat(log.all(ClientEvent.HistoryPage.class)).as("the catch-up's answer is no user's page").isEmpty();
    }

    @Test
    void aRoomLeftWhileItsCatchupWaitsIsNotAskedAgain() {
        catchup.connected("lobby");
        catchup.history(new Message.History("lobby", chats(1, 3), true));
        catchup.live(chat(6));
        catchup.refused("lobby", "history");
        catchup.forget("lobby");
        catchup.retry("lobby");
        assertThat(asked()).containsExactly(3L);
    }
}
