package dev.parley.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import dev.parley.protocol.Checked.Refused;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/// What a server receives is refused with the right [ErrorCode], a message a person can read,
/// and a `ref` naming what was refused (the `cid` when the frame had one). Never an exception.
class RefusalTest {

    private final Codec codec = new Codec(Limits.DEFAULTS);

    static Stream<Arguments> badJson() {
        return Stream.of(
                arguments("truncated", "{\"type\":\"chat\",\"payload\":{\"text\":\"hi\"}"),
                arguments("trailing garbage", "{\"type\":\"chat\",\"payload\":{\"text\":\"hi\"}} x"),
                arguments("two objects", "{\"type\":\"ping\"}{\"type\":\"ping\"}"),
                arguments("NaN", "{\"type\":\"ping\",\"payload\":{\"t\":NaN}}"),
                arguments("Infinity", "{\"type\":\"ping\",\"payload\":{\"t\":-Infinity}}"),
                arguments("single quotes", "{'type':'chat','payload':{'text':'hi'}}"),
                arguments("unquoted names", "{type:\"chat\",payload:{text:\"hi\"}}"),
                arguments("block comment", "{\"type\":\"chat\",/* c */\"payload\":{\"text\":\"hi\"}}"),
                arguments("line comment", "// c\n{\"type\":\"chat\",\"payload\":{\"text\":\"hi\"}}"),
                arguments("hash comment", "# c\n{\"type\":\"chat\",\"payload\":{\"text\":\"hi\"}}"),
                arguments("trailing comma", "{\"type\":\"chat\",\"payload\":{\"text\":\"hi\",}}"),
                arguments("semicolon separator", "{\"type\":\"chat\";\"payload\":{\"text\":\"hi\"}}"),
                arguments("bad escape", "{\"type\":\"chat\",\"payload\":{\"text\":\"\\x41\"}}"),
                arguments("raw control character in string", "{\"type\":\"chat\",\"payload\":{\"text\":\"a\u0001b\"}}"),
                arguments("empty frame", ""),
                arguments("blank frame", " \n\t"),
                arguments("plain text", "hello"),
                arguments("deep nesting", "[".repeat(100_000)),
                // Gson reads no number longer than 10,000 characters.
                arguments("number of 20,000 digits", history("\"before\":" + "9".repeat(20_000))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badJson")
    void invalidJsonIsBadJson(String why, String frame) {
        var refused = refuse(frame, ErrorCode.BAD_JSON);

        assertThat(refused.ref()).isNull();
    }

    static Stream<Arguments> notAnEnvelope() {
        return Stream.of(
                arguments("array root", "[{\"type\":\"chat\"}]"),
                arguments("string root", "\"chat\""),
                arguments("number root", "42"),
                arguments("null root", "null"),
                arguments("no type", "{\"payload\":{\"text\":\"hi\"}}"),
                arguments("type null", "{\"type\":null,\"payload\":{\"text\":\"hi\"}}"),
                arguments("type number", "{\"type\":1,\"payload\":{\"text\":\"hi\"}}"),
                arguments("type boolean", "{\"type\":true,\"payload\":{\"text\":\"hi\"}}"),
                arguments("type array", "{\"type\":[\"chat\"],\"payload\":{\"text\":\"hi\"}}"),
                arguments("type object", "{\"type\":{},\"payload\":{\"text\":\"hi\"}}"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("notAnEnvelope")
    void jsonThatIsNoTypedObjectIsBadMessage(String why, String frame) {
        var refused = refuse(frame, ErrorCode.BAD_MESSAGE);

        assertThat(refused.ref()).isNull();
    }

    static Stream<Arguments> badPayloads() {
        var huge = "x".repeat(10_000);
        return Stream.of(
                arguments("unknown type", "{\"type\":\"shout\",\"payload\":{\"text\":\"hi\"}}", "shout"),
                arguments("type is case-sensitive", "{\"type\":\"CHAT\",\"payload\":{\"text\":\"hi\"}}", "CHAT"),
                arguments("unknown type is clipped", "{\"type\":\"" + huge + "\"}", "x".repeat(64) + "…"),
                arguments("server-only type", "{\"type\":\"welcome\",\"payload\":{}}", "welcome"),
                arguments("missing payload", "{\"type\":\"chat\"}", "chat"),
                arguments("null payload", "{\"type\":\"chat\",\"payload\":null}", "chat"),
                arguments("string payload", "{\"type\":\"chat\",\"payload\":\"hi\"}", "chat"),
                arguments("array payload", "{\"type\":\"join\",\"payload\":[\"lobby\"]}", "join"),
                arguments("ping with a string payload", "{\"type\":\"ping\",\"payload\":\"now\"}", "ping"),
                arguments("text missing", chat("{}"), "chat"),
                arguments("text null", chat("{\"text\":null}"), "chat"),
                arguments("text as number", chat("{\"text\":5}"), "chat"),
                arguments("text as number, cid given", chat("{\"text\":5,\"cid\":\"c-1\"}"), "c-1"),
                arguments("text as object, cid given", chat("{\"cid\":\"c-1\",\"text\":{\"a\":1}}"), "c-1"),
                arguments("room as array", chat("{\"text\":\"hi\",\"room\":[\"lobby\"],\"cid\":\"c-7\"}"), "c-7"),
                arguments("invalid room, cid given", chat("{\"text\":\"hi\",\"room\":\"a/b\",\"cid\":\"c-8\"}"), "c-8"),
                arguments("cid as number", chat("{\"text\":\"hi\",\"cid\":7}"), "chat"),
                arguments("cid empty", chat("{\"text\":\"hi\",\"cid\":\"\"}"), "chat"),
                arguments("cid too long", chat("{\"text\":\"hi\",\"cid\":\"" + "c".repeat(65) + "\"}"), "c".repeat(64) + "…"),
                arguments("lone surrogate", chat("{\"text\":\"a\\ud800b\",\"cid\":\"c-9\"}"), "c-9"),
                arguments("dm without to", "{\"type\":\"dm\",\"payload\":{\"text\":\"hi\",\"cid\":\"d-1\"}}", "d-1"),
                arguments("dm to as number", "{\"type\":\"dm\",\"payload\":{\"to\":3,\"text\":\"hi\",\"cid\":\"d-2\"}}", "d-2"),
                arguments("dm to with control", "{\"type\":\"dm\",\"payload\":{\"to\":\"b\\u0007ob\",\"text\":\"hi\"}}", "dm"),
                arguments("dm text missing", "{\"type\":\"dm\",\"payload\":{\"to\":\"bob\"}}", "dm"),
                arguments("join room missing", "{\"type\":\"join\",\"payload\":{}}", "join"),
                arguments("join room as array", "{\"type\":\"join\",\"payload\":{\"room\":[\"lobby\"]}}", "join"),
                arguments("leave room as number", "{\"type\":\"leave\",\"payload\":{\"room\":1}}", "leave"),
                arguments("typing room invalid", "{\"type\":\"typing\",\"payload\":{\"room\":\"<b>\"}}", "typing"),
                arguments("history after as string", history("\"after\":\"3\""), "history"),
                arguments("history after negative", history("\"after\":-1"), "history"),
                arguments("history before negative", history("\"before\":-5"), "history"),
                arguments("history after fractional", history("\"after\":1.5"), "history"),
                arguments("history after past long", history("\"after\":1e30"), "history"),
                arguments("history limit 0", history("\"limit\":0"), "history"),
                arguments("history limit 501", history("\"limit\":501"), "history"),
                arguments("history limit as boolean", history("\"limit\":true"), "history"),
                arguments("history without room", "{\"type\":\"history\",\"payload\":{\"after\":1}}", "history"),
                arguments("history with a blank name", "{\"type\":\"history\",\"payload\":{\"with\":\" \"}}", "history"),
                arguments("history with a number", "{\"type\":\"history\",\"payload\":{\"with\":7}}", "history"),
                arguments("history with, limit 501", "{\"type\":\"history\",\"payload\":{\"with\":\"bob\",\"limit\":501}}", "history"),
                arguments("typing to a control character", "{\"type\":\"typing\",\"payload\":{\"to\":\"a\\u0007\"}}", "typing"),
                arguments("search without query", search("\"room\":\"lobby\""), "search"),
                arguments("search query as number", search("\"query\":7"), "search"),
                arguments("search query blank", search("\"query\":\" \\u3000 \""), "search"),
                arguments("search query of 201 characters", search("\"query\":\"" + "字".repeat(201) + "\""), "search"),
                arguments("search query lone surrogate", search("\"query\":\"a\\ud800\""), "search"),
                arguments("search room invalid", search("\"query\":\"hi\",\"room\":\"a/b\""), "search"),
                arguments("search limit 0", search("\"query\":\"hi\",\"limit\":0"), "search"),
                arguments("search limit 101", search("\"query\":\"hi\",\"limit\":101"), "search"),
                arguments("search limit fractional", search("\"query\":\"hi\",\"limit\":2.5"), "search"),
                arguments("search string payload", "{\"type\":\"search\",\"payload\":\"hi\"}", "search"),
                arguments("ping t as string", "{\"type\":\"ping\",\"payload\":{\"t\":\"now\"}}", "ping"),
                // Numbers past what Gson reads, or past a double: refused, never thrown into Jetty.
                arguments("history limit 1e10000", history("\"limit\":1e10000"), "history"),
                arguments("history after 1e-10000", history("\"after\":1e-10000"), "history"),
                arguments("search limit 1e10000", search("\"query\":\"hi\",\"limit\":1e10000"), "search"),
                arguments("ping t 1e999", "{\"type\":\"ping\",\"payload\":{\"t\":1e999}}", "ping"),
                arguments("ping t -1e999", "{\"type\":\"ping\",\"payload\":{\"t\":-1e999}}", "ping"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badPayloads")
    void wrongPayloadIsBadMessageWithRef(String why, String frame, String ref) {
        var refused = refuse(frame, ErrorCode.BAD_MESSAGE);

        assertThat(refused.ref()).isEqualTo(ref);
    }

    static Stream<Arguments> blankTexts() {
        return Stream.of("", " ", "   ", "\n\t\r ", "\u3000", "\u00A0", "\u200B", "\uFEFF", " \u2028 ", "\u0000")
                .map(text -> arguments(text.codePoints().mapToObj(c -> String.format("U+%04X", c)).toList(), text));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("blankTexts")
    void blankTextIsRefusedWithItsCid(Object codePoints, String text) {
        var frame = Codec.encode(new Message.SendChat(text, null, "c-blank"));

        assertThat(refuse(frame, ErrorCode.BAD_MESSAGE).ref()).isEqualTo("c-blank");
    }

    static Stream<Arguments> tooLong() {
        return Stream.of(
                arguments("4,001 emoji", "😀".repeat(4_001)),
                arguments("4,001 letters", "a".repeat(4_001)),
                arguments("4,001 Chinese characters", "字".repeat(4_001)),
                arguments("4,000 emoji and one letter", "😀".repeat(4_000) + "a"),
                arguments("far too long", "a".repeat(60_000)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("tooLong")
    void textPastTheLimitIsTooLargeWithItsCid(String why, String text) {
        for (var message : new Message[] {new Message.SendChat(text, "lobby", "c-long"), new Message.SendDm("bob", text, "c-long")}) {
            var refused = refuse(Codec.encode(message), ErrorCode.TOO_LARGE);
            assertThat(refused.ref()).isEqualTo("c-long");
        }
    }

    private Refused<?> refuse(String frame, ErrorCode code) {
        var checked = codec.decodeToServer(frame);
        assertThat(checked).isInstanceOf(Refused.class);
        var refused = (Refused<?>) checked;
        assertThat(refused.code()).isEqualTo(code);
        assertThat(refused.message()).isNotBlank().hasSizeLessThan(200);
        return refused;
    }

    private static String chat(String payload) {
        return "{\"type\":\"chat\",\"payload\":" + payload + "}";
    }

    private static String search(String fields) {
        return "{\"type\":\"search\",\"payload\":{" + fields + "}}";
    }

    private static String history(String fields) {
        return "{\"type\":\"history\",\"payload\":{\"room\":\"lobby\"," + fields + "}}";
    }
}
