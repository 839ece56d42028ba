package dev.parley.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import dev.parley.protocol.Limits;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/// `search` over a real SQLite file: English and Chinese (trigram index for 3+ characters,
/// LIKE for 1–2), only the rooms the asker is in, refusals for a room it is not in.
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class SearchTest {

    @TempDir
    Path data;

    private ParleyServer server;
    private WsClient alice;
    private WsClient bob;

    @BeforeEach
    void start() {
        server = TestServers.start(ServerConfig.forTests().withDataDir(data)
                .withLimits(Limits.DEFAULTS.withRate(0, 0)));
        alice = WsClient.connect(server, "clientId=alice&room=lobby").joined();
        bob = WsClient.connect(server, "clientId=bob&room=secret").joined();
        say(alice, "lobby", "The meeting moved to Tuesday");
        say(alice, "lobby", "我们明天在会议室开会");
        say(alice, "lobby", "午饭吃什么");
        say(bob, "secret", "the secret meeting is on Friday");
        say(bob, "secret", "明天见");
    }

    @AfterEach
    void stop() {
        alice.close();
        bob.close();
        server.stop();
    }

    @Test
    void findsEnglishCaseInsensitivelyOnlyInJoinedRooms() {
        assertThat(search(alice, "{\"query\":\"MEETING\"}")).containsExactly("The meeting moved to Tuesday");
        assertThat(search(bob, "{\"query\":\"meeting\"}")).containsExactly("the secret meeting is on Friday");
    }

    @Test
    void findsChineseThroughTheIndexAndShortTermsToo() {
        assertThat(search(alice, "{\"query\":\"会议室\"}")).containsExactly("我们明天在会议室开会");
        assertThat(search(alice, "{\"query\":\"明天\"}")).containsExactly("我们明天在会议室开会");
        assertThat(search(alice, "{\"query\":\"饭\"}")).containsExactly("午饭吃什么");
        assertThat(search(bob, "{\"query\":\"明天\"}")).containsExactly("明天见");
    }

    @Test
    void resultsAreNewestFirstAcrossJoinedRoomsAndCanBeLimitedToOne() {
        bob.send("{\"type\":\"join\",\"payload\":{\"room\":\"lobby\"}}").next("history");
        assertThat(search(bob, "{\"query\":\"明天\"}")).containsExactly("明天见", "我们明天在会议室开会");
        assertThat(search(bob, "{\"query\":\"明天\",\"room\":\"lobby\"}")).containsExactly("我们明天在会议室开会");
        assertThat(search(bob, "{\"query\":\"明天\",\"limit\":1}")).containsExactly("明天见");
    }

    @Test
    void aRoomNotJoinedIsRefusedAndTheConnectionStaysUsable() {
        alice.send("{\"type\":\"search\",\"payload\":{\"query\":\"meeting\",\"room\":\"secret\"}}");
        var error = alice.payload("error");
        assertThat(error.get("code").getAsString()).isEqualTo("unknown_room");
        assertThat(error.get("ref").getAsString()).isEqualTo("search");

        alice.send("{\"type\":\"search\",\"payload\":{\"query\":\" \"}}");
        assertThat(alice.payload("error").get("code").getAsString()).isEqualTo("bad_message");

        assertThat(search(alice, "{\"query\":\"nothing like this\"}")).isEmpty();
        alice.assertOpen();
    }

    @Test
    void anAnswerTooBigForOneFrameKeepsTheNewestThatFit() {
        for (int i = 0; i < 12; i++) {
            say(alice, "lobby", i + " 长消息 " + "字".repeat(3_900));
        }
        var found = search(alice, "{\"query\":\"长消息\",\"limit\":100}");
        assertThat(found).isNotEmpty().hasSizeLessThan(12);
        assertThat(found.getFirst()).startsWith("11 ");
    }

    @Test
    void searchesCountAgainstTheRateLimit() {
        try (var limited = TestServers.start(ServerConfig.forTests().withLimits(Limits.DEFAULTS.withRate(1, 2)));
             var carol = WsClient.connect(limited, "clientId=carol").joined()) {
            for (int i = 0; i < 5; i++) {
                carol.send("{\"type\":\"search\",\"payload\":{\"query\":\"q" + i + "\"}}");
            }
            var error = carol.payload("error");
            assertThat(error.get("code").getAsString()).isEqualTo("rate_limited");
            assertThat(error.get("ref").getAsString()).isEqualTo("search");
        }
    }

    private static void say(WsClient client, String room, String text) {
        client.send("{\"type\":\"chat\",\"payload\":{\"text\":\"" + text + "\",\"room\":\"" + room + "\",\"cid\":\"" + text.hashCode() + "\"}}");
        while (!client.payload("chat").get("text").getAsString().equals(text)) {
            // other members' messages may come first
        }
    }

    private static List<String> search(WsClient client, String payload) {
        client.send("{\"type\":\"search\",\"payload\":" + payload + "}");
        JsonObject results = client.payload("results");
        return StreamSupport.stream(results.getAsJsonArray("messages").spliterator(), false)
                .map(message -> message.getAsJsonObject().get("text").getAsString()).toList();
    }
}
