package dev.parley.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import dev.parley.protocol.Message.Chat;
import dev.parley.protocol.Message.FileInfo;
import dev.parley.protocol.Message.SendChat;
import dev.parley.protocol.Message.SendDm;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/// The `file` of `chat` and `dm` (v2): what a client may share, what a server sends back, and
/// the refusals of a bad one (with the message's `cid` as `ref`).
class FileFieldsTest {

    private static final String SHA = "0123456789abcdef".repeat(4);
    private final Codec codec = new Codec(Limits.DEFAULTS);

    @Test
    void aShareNeedsNoText() {
        var decoded = codec.decodeToServer("{\"type\":\"chat\",\"payload\":{\"cid\":\"c\",\"file\":{\"sha256\":\""
                + SHA.toUpperCase() + "\",\"name\":\"dir/../shot.png\",\"mime\":\"Image/PNG\"}}}").orThrow();
        assertThat(decoded).isEqualTo(new SendChat("", null, "c", new FileInfo(SHA, "shot.png", null, "image/png", null, null, null, null)));
        var dm = codec.decodeToServer("{\"type\":\"dm\",\"payload\":{\"to\":\"bob\",\"text\":\" look \",\"file\":{\"sha256\":\""
                + SHA + "\",\"name\":\"a.txt\",\"mime\":\"not a mime\"}}}").orThrow();
        assertThat(dm).isEqualTo(new SendDm("bob", "look", null, new FileInfo(SHA, "a.txt", null, null, null, null, null, null)));
    }

    @Test
    void aChatWithAFileRoundTrips() {
        var file = new FileInfo(SHA, "日本.png", 1234L, "image/png", "/files/" + SHA + "/k/x.png", "/files/thumbs/" + SHA + "/k", 800, 600);
        var chat = new Chat("id", "lobby", 3, "alice", "", "2026-12-08T00:00:00.000Z", "c", file);
        assertThat(Codec.decodeToClient(Codec.encode(chat)).orThrow()).isEqualTo(chat);
        assertThat(Codec.decodeFile(Codec.encodeFile(file))).isEqualTo(file);
        assertThat(Codec.decodeFile("not json")).isNull();
    }

    static Stream<Arguments> badFiles() {
        return Stream.of(
                arguments("file not an object", "\"file\":\"x\""),
                arguments("no sha256", "\"file\":{\"name\":\"a\"}"),
                arguments("short sha256", "\"file\":{\"sha256\":\"abc\",\"name\":\"a\"}"),
                arguments("sha256 not hex", "\"file\":{\"sha256\":\"" + "zz".repeat(32) + "\",\"name\":\"a\"}"),
                arguments("no name", "\"file\":{\"sha256\":\"" + SHA + "\"}"),
                arguments("blank name", "\"file\":{\"sha256\":\"" + SHA + "\",\"name\":\" \\u200b \"}"),
                arguments("name only a folder", "\"file\":{\"sha256\":\"" + SHA + "\",\"name\":\"a/\"}"),
                arguments("name ..", "\"file\":{\"sha256\":\"" + SHA + "\",\"name\":\"..\"}"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badFiles")
    void aBadFileIsBadMessageWithTheCid(String why, String file) {
        var refused = codec.decodeToServer("{\"type\":\"chat\",\"payload\":{\"cid\":\"c7\"," + file + "}}");
        assertThat(refused).isInstanceOfSatisfying(Checked.Refused.class, r -> {
            assertThat(r.code()).isEqualTo(ErrorCode.BAD_MESSAGE);
            assertThat(r.ref()).isEqualTo("c7");
        });
    }

    @Test
    void withoutAFileBlankTextIsStillRefused() {
        assertThat(codec.decodeToServer("{\"type\":\"chat\",\"payload\":{\"text\":\"\"}}").isOk()).isFalse();
        assertThat(codec.decodeToServer("{\"type\":\"chat\",\"payload\":{}}").isOk()).isFalse();
    }

    @Test
    void aLongNameIsCutKeepingItsExtension() {
        var name = FileFields.name("x".repeat(500) + ".jpeg");
        assertThat(name).hasSize(FileFields.MAX_NAME_CHARS).endsWith(".jpeg");
    }
}
