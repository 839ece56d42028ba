package dev.parley.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonParser;
import dev.parley.protocol.Message.Chat;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/// `history` and `results` frames cut to the frame limit from each chat's own encoding.
class ChatFramesTest {

    private static final int FRAME = 64 * 1024;

    private static List<Chat> page(int count, String text) {
        return LongStream.rangeClosed(1, count)
                .mapToObj(seq -> new Chat("lobby#" + seq, "lobby", seq, "alice", text + seq, "2026-12-08T02:00:00.000Z", null))
                .toList();
    }

    private static long seqAt(String frame, int index) {
        return JsonParser.parseString(frame).getAsJsonObject().getAsJsonObject("payload").getAsJsonArray("messages")
                .get(index).getAsJsonObject().get("seq").getAsLong();
    }

    private static int count(String frame) {
        return JsonParser.parseString(frame).getAsJsonObject().getAsJsonObject("payload").getAsJsonArray("messages").size();
    }

    private static int bytes(String frame) {
        return frame.getBytes(StandardCharsets.UTF_8).length;
    }

    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void aPageThatFitsIsTheFrameTheCodecWrites(boolean complete) {
        var page = page(50, "héllo 字 😀 \u0001 \"quoted\" ");

        assertThat(ChatFrames.history("lobby", page, complete, false, FRAME))
                .isEqualTo(Codec.encode(new Message.History("lobby", page, complete)));
        assertThat(ChatFrames.results("héllo", null, page.reversed(), FRAME))
                .isEqualTo(Codec.encode(new Message.SearchResults("héllo", null, page.reversed())));
    }

    @Test
    void fiveHundredWideMessagesAreCutToTheFrameKeepingTheNewest() {
        var wide = page(500, "a" + "\u0001".repeat(3_999));

        var frame = ChatFrames.history("lobby", wide, true, false, FRAME);

        assertThat(bytes(frame)).isLessThanOrEqualTo(FRAME);
        assertThat(frame).endsWith("\"complete\":false}}");
        assertThat(count(frame)).isEqualTo(2);  // each is ~24 KB encoded
        assertThat(seqAt(frame, 1)).isEqualTo(500);
    }

    @Test
    void goingForwardKeepsTheOldest() {
        var wide = page(500, "字".repeat(4_000));

        var frame = ChatFrames.history("lobby", wide, true, true, FRAME);

        assertThat(bytes(frame)).isLessThanOrEqualTo(FRAME);
        assertThat(seqAt(frame, 0)).isEqualTo(1);
        assertThat(count(frame)).isEqualTo(5);  // 12 KB each
    }

    @Test
    void theFrameIsFilledAsFarAsItGoes() {
        var page = page(300, "x".repeat(100));

        var frame = ChatFrames.history("lobby", page, true, false, 4_096);
        var oneMore = ChatFrames.history("lobby", page.subList(page.size() - count(frame) - 1, page.size()), true, false, Integer.MAX_VALUE);

        assertThat(bytes(frame)).isLessThanOrEqualTo(4_096);
        assertThat(bytes(oneMore)).isGreaterThan(4_096);
    }

    @Test
    void oneMessageWiderThanTheFrameIsStillSentAlone() {
        var frame = ChatFrames.history("lobby", page(3, "y".repeat(5_000)), true, false, 1_024);

        assertThat(count(frame)).isEqualTo(1);
        assertThat(seqAt(frame, 0)).isEqualTo(3);
        assertThat(frame).endsWith("\"complete\":false}}");
    }

    @Test
    void searchResultsMayBeCutToNone() {
        var frame = ChatFrames.results("y", "lobby", page(3, "y".repeat(5_000)), 1_024);

        assertThat(count(frame)).isZero();
        assertThat(Codec.decodeToClient(frame).orThrow()).isEqualTo(new Message.SearchResults("y", "lobby", List.of()));
    }

    @Test
    void utf8LengthCountsLikeTheEncoder() {
        for (var text : List.of("", "abc", "é", "字", "😀", "a\ud800b", "\udc00", "x😀字é\u0001")) {
            assertThat(ChatFrames.utf8Length(text)).as(text).isEqualTo(text.getBytes(StandardCharsets.UTF_8).length);
        }
    }
}
