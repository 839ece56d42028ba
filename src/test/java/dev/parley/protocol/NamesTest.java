package dev.parley.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/// Display names and room names: what is accepted (and how it is trimmed) and what is refused.
class NamesTest {

    static Stream<Arguments> goodNames() {
        return Stream.of(
                arguments("alice", "alice"), arguments("  alice  ", "alice"), arguments("张伟", "张伟"),
                arguments("browser-demo", "browser-demo"), arguments("Émile O'Neil", "Émile O'Neil"),
                arguments("👩‍💻 dev", "👩‍💻 dev"), arguments("👩🏽‍💻", "👩🏽‍💻"), arguments("❤️‍🔥", "❤️‍🔥"), arguments("a", "a"), arguments("x".repeat(32), "x".repeat(32)),
                arguments("😀".repeat(32), "😀".repeat(32)), arguments("a\u00A0b", "a\u00A0b"), arguments("<b>bold</b>", "<b>bold</b>"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("goodNames")
    void clientIdAcceptsAndTrims(String raw, String expected) {
        assertThat(Names.clientId(raw).orThrow()).isEqualTo(expected);
    }

    static Stream<Arguments> badNames() {
        return Stream.of(
                arguments("null", null), arguments("empty", ""), arguments("spaces", "   "),
                arguments("no-break space only", "\u00A0"), arguments("ideographic space only", "\u3000"),
                arguments("zero-width space only", "\u200B"),
                arguments("33 characters", "x".repeat(33)), arguments("33 emoji", "😀".repeat(33)),
                arguments("NUL", "a\u0000b"), arguments("bell", "a\u0007b"), arguments("new line", "a\nb"),
                arguments("tab inside", "a\tb"), arguments("DEL", "a\u007Fb"), arguments("C1 control", "a\u0085b"),
                arguments("escape sequence", "\u001B[31mred"),
                arguments("zero-width space", "ad\u200Bmin"), arguments("zero-width joiner", "ad\u200Dmin"),
                arguments("joiner after an emoji, before a letter", "😀\u200Da"), arguments("joiner at the end", "😀\u200D"),
                arguments("zero-width non-joiner", "ad\u200Cmin"), arguments("byte order mark", "\uFEFFadmin"),
                arguments("right-to-left override", "alice\u202Egnp.exe"), arguments("left-to-right isolate", "\u2066alice"),
                arguments("right-to-left mark", "alice\u200F"), arguments("soft hyphen", "ad\u00ADmin"),
                arguments("line separator", "a\u2028b"), arguments("paragraph separator", "a\u2029b"),
                arguments("lone high surrogate", "a\uD83Db"), arguments("lone low surrogate", "a\uDE00"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badNames")
    void clientIdRefusesInvisibleAndOverlongNames(String why, String raw) {
        var checked = Names.clientId(raw);

        assertThat(checked).isInstanceOfSatisfying(Checked.Refused.class, refused -> {
            assertThat(refused.code()).isEqualTo(ErrorCode.NAME_INVALID);
            assertThat(refused.message()).isNotBlank();
        });
    }

    static Stream<Arguments> goodRooms() {
        return Stream.of(arguments("lobby", "lobby"), arguments(" dev ", "dev"), arguments("大厅", "大厅"),
                arguments("room 2.0_beta-1", "room 2.0_beta-1"), arguments("r".repeat(32), "r".repeat(32)),
                arguments("𠀀".repeat(32), "𠀀".repeat(32)), arguments("Ünïcödé", "Ünïcödé"), arguments("7", "7"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("goodRooms")
    void roomAcceptsLettersDigitsSpaceDashUnderscoreDot(String raw, String expected) {
        assertThat(Names.room(raw).orThrow()).isEqualTo(expected);
    }

    static Stream<Arguments> badRooms() {
        return Stream.of(arguments("null", null), arguments("empty", ""), arguments("blank", "  "),
                arguments("33 characters", "r".repeat(33)), arguments("slash", "a/b"), arguments("backslash", "a\\b"),
                arguments("markup", "<script>"), arguments("quote", "it's"), arguments("emoji", "party🎉"),
                arguments("new line", "a\nb"), arguments("tab", "a\tb"), arguments("zero-width space", "lob\u200Bby"),
                arguments("bidi override", "lobby\u202E"), arguments("hash", "#general"), arguments("colon", "a:b"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badRooms")
    void roomRefusesEverythingElse(String why, String raw) {
        var checked = Names.room(raw);

        assertThat(checked).isInstanceOfSatisfying(Checked.Refused.class,
                refused -> assertThat(refused.code()).isEqualTo(ErrorCode.BAD_MESSAGE));
    }
}
