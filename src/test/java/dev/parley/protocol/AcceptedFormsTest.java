package dev.parley.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import dev.parley.protocol.Message.HistoryRequest;
import dev.parley.protocol.Message.Join;
import dev.parley.protocol.Message.Ping;
import dev.parley.protocol.Message.SendChat;
import dev.parley.protocol.Message.SendDm;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/// Frames a server must accept, including the seed's client frame byte for byte, and how
/// they are normalised (trimmed text and names, extra fields ignored).
class AcceptedFormsTest {

    static Stream<Arguments> accepted() {
        return Stream.of(
                arguments("the seed's client frame", "{\"type\":\"chat\",\"payload\":{\"text\":\"hi\"}}",
                        new SendChat("hi", null, null)),
                arguments("the seed's frame with Chinese", "{\"type\":\"chat\",\"payload\":{\"text\":\"你好\"}}",
                        new SendChat("你好", null, null)),
                arguments("payload before type", "{\"payload\":{\"text\":\"hi\"},\"type\":\"chat\"}",
                        new SendChat("hi", null, null)),
                arguments("whitespace around the frame", " \n{\"type\":\"chat\",\"payload\":{\"text\":\"hi\"}}\n",
                        new SendChat("hi", null, null)),
                arguments("unknown fields ignored",
                        "{\"type\":\"chat\",\"v\":2,\"payload\":{\"text\":\"hi\",\"bold\":true,\"extra\":[1,{\"a\":null}]}}",
                        new SendChat("hi", null, null)),
                arguments("text and room trimmed", "{\"type\":\"chat\",\"payload\":{\"text\":\"  hi \\n\",\"room\":\" dev \",\"cid\":\"c\"}}",
                        new SendChat("hi", "dev", "c")),
                arguments("inner new lines kept", "{\"type\":\"chat\",\"payload\":{\"text\":\"a\\n\\nb\"}}",
                        new SendChat("a\n\nb", null, null)),
                arguments("escaped emoji pair", "{\"type\":\"chat\",\"payload\":{\"text\":\"\\ud83d\\ude00\"}}",
                        new SendChat("😀", null, null)),
                arguments("null room means none", "{\"type\":\"chat\",\"payload\":{\"text\":\"hi\",\"room\":null}}",
                        new SendChat("hi", null, null)),
                arguments("cid of 64 characters", "{\"type\":\"chat\",\"payload\":{\"text\":\"hi\",\"cid\":\"" + "c".repeat(64) + "\"}}",
                        new SendChat("hi", null, "c".repeat(64))),
                arguments("4,000 emoji", Codec.encode(new SendChat("😀".repeat(4_000), null, null)),
                        new SendChat("😀".repeat(4_000), null, null)),
                arguments("4,000 letters inside spaces", Codec.encode(new SendChat("  " + "a".repeat(4_000) + "  ", null, null)),
                        new SendChat("a".repeat(4_000), null, null)),
                arguments("dm recipient trimmed", "{\"type\":\"dm\",\"payload\":{\"to\":\" bob \",\"text\":\"hi\"}}",
                        new SendDm("bob", "hi", null)),
                arguments("join trimmed", "{\"type\":\"join\",\"payload\":{\"room\":\" 大厅 \"}}", new Join("大厅")),
                arguments("history bounds", "{\"type\":\"history\",\"payload\":{\"room\":\"lobby\",\"after\":0,\"limit\":500}}",
                        new HistoryRequest("lobby", 0L, null, 500)),
                arguments("history whole number with fraction", "{\"type\":\"history\",\"payload\":{\"room\":\"lobby\",\"after\":3.0,\"limit\":1}}",
                        new HistoryRequest("lobby", 3L, null, 1)),
                arguments("ping without payload", "{\"type\":\"ping\"}", new Ping(null)),
                arguments("ping with null payload", "{\"type\":\"ping\",\"payload\":null}", new Ping(null)),
                arguments("ping with empty payload", "{\"type\":\"ping\",\"payload\":{}}", new Ping(null)),
                arguments("ping with Date.now()", "{\"type\":\"ping\",\"payload\":{\"t\":1732000000123}}", new Ping(1_732_000_000_123.0)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("accepted")
    void serverAcceptsAndNormalises(String why, String frame, Message expected) {
        assertThat(new Codec(Limits.DEFAULTS).decodeToServer(frame).orThrow()).isEqualTo(expected);
    }

    static Stream<Arguments> configuredLimit() {
        return Stream.of(arguments(10, "😀".repeat(10), true), arguments(10, "😀".repeat(11), false),
                arguments(1, "字", true), arguments(1, "字字", false));
    }

    @ParameterizedTest(name = "limit {0}: {1}")
    @MethodSource("configuredLimit")
    void textLimitFollowsTheConfiguredLimits(int limit, String text, boolean ok) {
        var codec = new Codec(Limits.DEFAULTS.withMaxTextChars(limit));

        var checked = codec.decodeToServer(Codec.encode(new SendChat(text, null, null)));

        assertThat(checked.isOk()).isEqualTo(ok);
        if (!ok) {
            assertThat(((Checked.Refused<?>) checked).code()).isEqualTo(ErrorCode.TOO_LARGE);
        }
    }
}
