package dev.parley.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.protocol.Message.AdvertisedLimits;
import dev.parley.protocol.Message.Chat;
import dev.parley.protocol.Message.Dm;
import dev.parley.protocol.Message.Error;
import dev.parley.protocol.Message.History;
import dev.parley.protocol.Message.HistoryRequest;
import dev.parley.protocol.Message.Join;
import dev.parley.protocol.Message.Leave;
import dev.parley.protocol.Message.Member;
import dev.parley.protocol.Message.Ping;
import dev.parley.protocol.Message.Pong;
import dev.parley.protocol.Message.Presence;
import dev.parley.protocol.Message.SendChat;
import dev.parley.protocol.Message.SendDm;
import dev.parley.protocol.Message.ServerInfo;
import dev.parley.protocol.Message.SystemNotice;
import dev.parley.protocol.Message.ToClient;
import dev.parley.protocol.Message.ToServer;
import dev.parley.protocol.Message.Typing;
import dev.parley.protocol.Message.TypingNotice;
import dev.parley.protocol.Message.Welcome;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/// Every message type survives encode → decode unchanged, with awkward text and with its
/// optional fields absent.
class RoundTripTest {

    static final String CHINESE = "你好，世界！消息必须是合法 JSON";
    static final String EMOJI = "👩‍👩‍👧‍👦 🎉 🇨🇳 😀";
    static final String ESCAPES = "say \"hi\" \\ back\\slash\nnew line\ttab\u2028</script> & ' end";

    static Stream<ToServer> toServer() {
        return Stream.of(
                new SendChat("hi", null, null),
                new SendChat(CHINESE, "大厅", "c-1"),
                new SendChat(EMOJI, "lobby", "cid-😀"),
                new SendChat(ESCAPES, "room.with-all_chars 9", "c\"q"),
                new SendChat("😀".repeat(4_000), null, null),
                new SendDm("bob", "psst", null),
                new SendDm("张伟", CHINESE + EMOJI, "c-2"),
                new SendDm("o'neil", ESCAPES, "c-3"),
                new Join("lobby"), new Join("中文房间"),
                new Leave("lobby"),
                new Typing("dev"),
                new HistoryRequest("lobby", null, null, null),
                new HistoryRequest("lobby", 0L, null, 1),
                new HistoryRequest("lobby", 41L, 9_007_199_254_740_993L, 500),
                new Ping(null), new Ping(1_732_000_000_123.0), new Ping(0.5),
                new Message.Search("hello", null, null),
                new Message.Search("你好", "大厅", 1),
                new Message.Search(ESCAPES.strip(), "lobby", 100),
                new Message.ConversationHistoryRequest("bob", null, null, null),
                new Message.ConversationHistoryRequest("张伟", 3L, 9L, 50),
                new Message.TypingTo("o'neil"));
    }

    static Stream<ToClient> toClient() {
        var chat = new Chat("m-1", "lobby", 7, "alice", CHINESE, "2026-11-24T16:00:00Z", null);
        return Stream.of(
                new Welcome("alice-2", "lobby", List.of("lobby", "大厅"), new ServerInfo("Parley ☕", "0.1.0"),
                        new AdvertisedLimits(4_000, 65_536, 20.0), "alice"),
                new Welcome("guest-1", "lobby", List.of(), null, null, null),
                new Welcome("g", "lobby", List.of("lobby"), new ServerInfo("n", null), new AdvertisedLimits(1, 1024, 0.5), null),
                new SystemNotice("alice joined"), new SystemNotice(CHINESE), new SystemNotice(ESCAPES),
                new Presence("lobby", List.of()),
                new Presence("lobby", List.of(new Member("alice", "2026-11-24T16:00:00Z", "127.0.0.1"),
                        new Member("😀 émile", null, null))),
                chat,
                chat.withCid("c-1"),
                new Chat("m-2", "大厅", Long.MAX_VALUE, "张伟", EMOJI, "t", "c-2"),
                new Chat(null, null, 0, "seed", ESCAPES, null, null),
                new History("lobby", List.of(), true),
                new History("lobby", List.of(chat, chat.withCid("x")), false),
                new Dm("d-1", "alice", "bob", ESCAPES, "2026-11-24T16:00:00Z", null),
                new Dm("d-2", "张伟", "李娜", EMOJI, "t", "c-9"),
                new Dm("d-3", 42, "alice", "bob", CHINESE, "t", "c-10"),
                new Welcome("alice", "lobby", List.of("lobby"), null, null, null, true,
                        List.of(new Message.ConversationSummary("bob", 12), new Message.ConversationSummary("张伟", 1))),
                new Message.ConversationHistory("bob", List.of(), true),
                new Message.ConversationHistory("张伟", List.of(new Dm("d-4", 1, "张伟", "alice", EMOJI, "t", null)), false),
                new Message.ConversationTyping("alice", "bob"),
                new TypingNotice("lobby", "alice"),
                new Message.SearchResults("你好", null, List.of()),
                new Message.SearchResults(ESCAPES, "lobby", List.of(chat, new Chat("m-3", "大厅", 2, "张伟", EMOJI, "t", null))),
                new Pong(null), new Pong(1_732_000_000_123.0), new Pong(-2.25),
                new Error(ErrorCode.TOO_LARGE, "text is longer than 4000 characters", "c-1"),
                new Error(ErrorCode.BAD_JSON, "消息必须是合法 JSON", null),
                new Error(ErrorCode.OTHER, ESCAPES, "ref"));
    }

    @ParameterizedTest
    @MethodSource("toServer")
    void clientMessagesSurviveTheRoundTrip(ToServer message) {
        var json = Codec.encode(message);

        assertThat(new Codec(Limits.DEFAULTS).decodeToServer(json).orThrow()).isEqualTo(message);
    }

    @ParameterizedTest
    @MethodSource("toClient")
    void serverMessagesSurviveTheRoundTrip(ToClient message) {
        var json = Codec.encode(message);

        assertThat(Codec.decodeToClient(json).orThrow()).isEqualTo(message);
    }

    @ParameterizedTest
    @MethodSource({"toServer", "toClient"})
    void encodingIsOneJsonObjectWithTypeAndPayload(Message message) {
        var json = Codec.encode(message);

        assertThat(json).startsWith("{\"type\":\"" + message.type() + "\",\"payload\":").endsWith("}");
        // A raw line break would split a log line; JSON must escape it.
        assertThat(json).doesNotContain("\n");
    }
}
