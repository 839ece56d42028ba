package dev.parley.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import dev.parley.protocol.Message.Chat;
import dev.parley.protocol.Message.Error;
import dev.parley.protocol.Message.History;
import dev.parley.protocol.Message.SystemNotice;
import dev.parley.protocol.Message.Welcome;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/// A client reads Parley's frames and the seed server's (string payloads, chat without seq),
/// ignores what it does not know, and refuses the rest without an exception.
class ClientSideTest {

    static Stream<Arguments> seedAndLenientForms() {
        return Stream.of(
                arguments("seed system", "{\"type\":\"system\",\"payload\":\"x joined\"}", new SystemNotice("x joined")),
                arguments("seed bad JSON error", "{\"type\":\"error\",\"payload\":\"消息必须是合法 JSON\"}",
                        new Error(ErrorCode.OTHER, "消息必须是合法 JSON", null)),
                arguments("seed bad message error", "{\"type\":\"error\",\"payload\":\"非法消息格式\"}",
                        new Error(ErrorCode.OTHER, "非法消息格式", null)),
                arguments("seed chat", "{\"type\":\"chat\",\"payload\":{\"from\":\"browser-demo\",\"text\":\"hi\",\"time\":\"2026-11-24T16:00:00.000Z\"}}",
                        new Chat(null, null, 0, "browser-demo", "hi", "2026-11-24T16:00:00.000Z", null)),
                arguments("unknown fields ignored", "{\"type\":\"chat\",\"x\":1,\"payload\":{\"text\":\"hi\",\"from\":\"a\",\"seq\":3,\"reactions\":[\"👍\"],\"meta\":{}}}",
                        new Chat(null, null, 3, "a", "hi", null, null)),
                arguments("unknown error code", "{\"type\":\"error\",\"payload\":{\"code\":\"slow_down_please\",\"message\":\"later\",\"ref\":\"c-1\"}}",
                        new Error(ErrorCode.OTHER, "later", "c-1")),
                arguments("error code in capitals", "{\"type\":\"error\",\"payload\":{\"code\":\"BAD_JSON\",\"message\":\"m\"}}",
                        new Error(ErrorCode.OTHER, "m", null)),
                arguments("error without code", "{\"type\":\"error\",\"payload\":{\"message\":\"m\"}}", new Error(ErrorCode.OTHER, "m", null)),
                arguments("known error code", "{\"type\":\"error\",\"payload\":{\"code\":\"rate_limited\",\"message\":\"m\"}}",
                        new Error(ErrorCode.RATE_LIMITED, "m", null)),
                arguments("refused history names its room", "{\"type\":\"error\",\"payload\":{\"code\":\"too_busy\",\"message\":\"m\",\"ref\":\"history\",\"room\":\"hall\"}}",
                        new Error(ErrorCode.TOO_BUSY, "m", "history", "hall", null)),
                arguments("refused conversation names who with", "{\"type\":\"error\",\"payload\":{\"code\":\"too_busy\",\"message\":\"m\",\"ref\":\"history\",\"with\":\"Bob\"}}",
                        new Error(ErrorCode.TOO_BUSY, "m", "history", null, "Bob")),
                arguments("system as object", "{\"type\":\"system\",\"payload\":{\"text\":\"bob left\"}}", new SystemNotice("bob left")),
                arguments("history skips entries without text", "{\"type\":\"history\",\"payload\":{\"room\":\"r\",\"messages\":[{\"seq\":1,\"text\":\"a\"},{\"seq\":2},5],\"complete\":true}}",
                        new History("r", List.of(new Chat(null, null, 1, "", "a", null, null)), true)),
                arguments("welcome from a newer server", "{\"type\":\"welcome\",\"payload\":{\"clientId\":\"a\",\"room\":\"lobby\",\"rooms\":[\"lobby\"],\"features\":[\"tls\"]}}",
                        new Welcome("a", "lobby", List.of("lobby"), null, null, null)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("seedAndLenientForms")
    void clientAcceptsTheSeedsFormsAndIgnoresExtras(String why, String frame, Message expected) {
        assertThat(Codec.decodeToClient(frame).orThrow()).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "",
            "{\"type\":\"chat\"",
            "{'type':'system','payload':'x'}",
            "[]",
            "{\"payload\":\"x\"}",
            "{\"type\":\"gossip\",\"payload\":{}}",
            "{\"type\":\"chat\",\"payload\":\"hi\"}",
            "{\"type\":\"chat\",\"payload\":{\"from\":\"a\"}}",
            "{\"type\":\"chat\",\"payload\":{\"text\":\"a\",\"seq\":\"7\"}}",
            "{\"type\":\"welcome\",\"payload\":{\"rooms\":[{}]}}",
            "{\"type\":\"welcome\",\"payload\":{\"rooms\":[null]}}",
            "{\"type\":\"welcome\",\"payload\":{\"server\":\"Parley\"}}",
            "{\"type\":\"pong\",\"payload\":{\"t\":\"soon\"}}",
            "{\"type\":\"presence\",\"payload\":{\"room\":[]}}"})
    void clientRefusesWhatItCannotReadWithoutThrowing(String frame) {
        var checked = Codec.decodeToClient(frame);

        assertThat(checked).isInstanceOf(Checked.Refused.class);
        var code = ((Checked.Refused<?>) checked).code();
        assertThat(code).isIn(ErrorCode.BAD_JSON, ErrorCode.BAD_MESSAGE);
    }

    @ParameterizedTest
    @EnumSource(ErrorCode.class)
    void everyErrorCodeReadsBackFromItsWireSpelling(ErrorCode code) {
        assertThat(ErrorCode.fromWire(code.wire())).isEqualTo(code);
        assertThat(code.wire()).matches("[a-z_]+");
    }

    static Stream<String> designCodes() {
        return Arrays.stream("bad_json bad_message too_large rate_limited unknown_room unknown_user auth_failed name_invalid server_full".split(" "));
    }

    @ParameterizedTest
    @MethodSource("designCodes")
    void everyCodeOfTheDesignIsKnown(String wire) {
        assertThat(ErrorCode.fromWire(wire)).isNotEqualTo(ErrorCode.OTHER);
    }
}
