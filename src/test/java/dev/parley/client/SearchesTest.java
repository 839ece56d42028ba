package dev.parley.client;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.client.ClientEvent.SearchFailed;
import dev.parley.protocol.Codec;
import dev.parley.protocol.Message;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/// How answers of servers without `search` read: the exact `error` frames a v1 Parley server
/// (before search was added) and the seed's server send back.
class SearchesTest {

    private final List<ClientEvent> events = new ArrayList<>();
    private final List<Message.ToServer> sent = new ArrayList<>();
    private boolean seed;

    private final Searches searches = new Searches(new Conversation.Link() {
        public boolean send(Message.ToServer message) {
            return sent.add(message);
        }

        public String clientId() {
            return "alice";
        }

        public boolean seed() {
            return seed;
        }
    }, events::add);

    @Test
    void anOlderParleyServersUnknownTypeErrorMeansItCannotSearch() {
        searches.search("hello", null);

        assertThat(sent).containsExactly(new Message.Search("hello", null, null));
        var consumed = searches.refused(error("{\"type\":\"error\",\"payload\":{\"code\":\"bad_message\","
                + "\"message\":\"unknown message type 'search'\",\"ref\":\"search\"}}"));

        assertThat(consumed).isTrue();
        assertThat(events).containsExactly(new SearchFailed("hello", SearchFailed.Problem.UNSUPPORTED, "this server cannot search"));
    }

    @Test
    void theSeedsStringErrorMeansItCannotSearchAndTheSeedIsNotAskedAgain() {
        searches.search("hello", null);
        seed = true;

        assertThat(searches.refused(error("{\"type\":\"error\",\"payload\":\"非法消息格式\"}"))).isTrue();
        searches.search("again", null);

        assertThat(sent).hasSize(1);
        assertThat(events).extracting(e -> ((SearchFailed) e).problem())
                .containsExactly(SearchFailed.Problem.UNSUPPORTED, SearchFailed.Problem.UNSUPPORTED);
    }

    @Test
    void errorsAboutOtherThingsAreNotTakenAndAPendingSearchFailsWithTheConnection() {
        searches.search("hello", null);

        assertThat(searches.refused(error("{\"type\":\"error\",\"payload\":{\"code\":\"unknown_room\",\"message\":\"m\",\"ref\":\"c-1\"}}"))).isFalse();
        searches.disconnected();

        assertThat(events).extracting(e -> ((SearchFailed) e).problem()).containsExactly(SearchFailed.Problem.NOT_CONNECTED);
    }

    private static Message.Error error(String frame) {
        return (Message.Error) Codec.decodeToClient(frame).orThrow();
    }
}
