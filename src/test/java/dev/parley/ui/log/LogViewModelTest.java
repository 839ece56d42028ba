package dev.parley.ui.log;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.client.ClientEvent;
import dev.parley.client.Line;
import dev.parley.protocol.ErrorCode;
import dev.parley.protocol.Message;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/// The log shows the client's line events as they come: the client has made each message one
/// line already, so nothing is counted or matched here.
class LogViewModelTest {

    private final Clock clock = Clock.fixed(Instant.parse("2026-01-02T10:00:00Z"), ZoneOffset.UTC);
    private String active = "lobby";
    private final LogViewModel log = new LogViewModel(clock, () -> active);

    private static String time(long seq) {
        return "2026-01-02T10:00:0" + (seq % 10) + "Z";
    }

    private static ClientEvent.LineAdded others(long seq, String from, String text) {
        return new ClientEvent.LineAdded(new Line("lobby", null, seq, from, text, time(seq), false, Line.State.SENT));
    }

    private static Line own(String cid, long seq, String text, Line.State state) {
        return new Line("lobby", cid, seq, "ann", text, seq > 0 ? time(seq) : null, true, state);
    }

    private static Message.Chat chat(long seq, String from, String text) {
        return new Message.Chat("id" + seq, "lobby", seq, from, text, time(seq), null);
    }

    @Test
    void ownMessageIsPendingThenSent() {
        log.apply(new ClientEvent.LineAdded(own("c1", 0, "hello", Line.State.PENDING)));
        assertThat(log.lines("lobby")).singleElement().satisfies(l -> {
            assertThat(l.own()).isTrue();
            assertThat(l.status()).isEqualTo(LogLine.Status.PENDING);
        });

        log.apply(new ClientEvent.LineChanged(own("c1", 7, "hello", Line.State.SENT)));

        assertThat(log.lines("lobby")).singleElement().satisfies(l -> {
            assertThat(l.status()).isEqualTo(LogLine.Status.SENT);
            assertThat(l.seq()).isEqualTo(7);
            assertThat(l.text()).isEqualTo("hello");
            assertThat(l.time()).isEqualTo(Instant.parse("2026-01-02T10:00:07Z"));
        });
    }

    @Test
    void failedMessageOffersRetryAndGoesBackToPendingWhenResent() {
        log.apply(new ClientEvent.LineAdded(own("c1", 0, "too much", Line.State.PENDING)));
        log.apply(new ClientEvent.LineChanged(own("c1", 0, "too much", Line.State.FAILED)));
        log.apply(new ClientEvent.ChatFailed("c1", ErrorCode.TOO_LARGE, "text is too long"));
        assertThat(log.lines("lobby").getFirst().status()).isEqualTo(LogLine.Status.FAILED);
        assertThat(log.lines("lobby").getFirst().detail()).isEqualTo("text is too long");

        log.apply(new ClientEvent.LineChanged(own("c1", 0, "too much", Line.State.PENDING)));

        assertThat(log.lines("lobby")).singleElement()
                .extracting(LogLine::status).isEqualTo(LogLine.Status.PENDING);
    }

    @Test
    void othersMessagesGoToTheirRoom() {
        log.apply(others(1, "bob", "hi"));

        assertThat(log.lines("lobby")).extracting(LogLine::from, LogLine::text)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("bob", "hi"));
        assertThat(log.lines("lobby").getFirst().time()).isEqualTo(Instant.parse("2026-01-02T10:00:01Z"));
    }

    @Test
    void historyPutInFrontAddsOnlyWhatIsOlderThanTheLinesShown() {
        for (long seq = 20_001; seq <= 20_003; seq++) {
            log.apply(others(seq, new String("bob"), "m" + seq));
        }
        // A page is oldest first.
        var page = List.of(chat(1, new String("bob"), "m1"), chat(20_000, new String("bob"), "m20000"),
                chat(20_001, new String("bob"), "m20001"), chat(20_002, new String("bob"), "m20002"));
        log.apply(new ClientEvent.HistoryPage("lobby", page, true));

        assertThat(log.lines("lobby")).extracting(LogLine::seq).containsExactly(1L, 20_000L, 20_001L, 20_002L, 20_003L);
        assertThat(log.lines("lobby")).extracting(LogLine::cid).containsOnlyNulls();
        // One copy of the sender's name for all their lines (each message above has its own).
        assertThat(log.lines("lobby")).allSatisfy(line -> assertThat(line.from()).isSameAs(log.lines("lobby").getFirst().from()));
    }

    @Test
    void systemNoticesAndErrorsGoToTheShownConversationAndPrivateLinesToTheirOwn() {
        active = "dev";
        log.apply(new ClientEvent.SystemNotice("bob joined"));
        log.apply(new ClientEvent.Refused(ErrorCode.RATE_LIMITED, "slow down", null));
        log.apply(new ClientEvent.LineAdded(new Line("@bob", null, 1, "bob", "psst", null, false, Line.State.SENT)));

        assertThat(log.lines("dev")).extracting(LogLine::kind)
                .containsExactly(LogLine.Kind.SYSTEM, LogLine.Kind.ERROR);
        assertThat(log.lines("@bob")).extracting(LogLine::kind, LogLine::text)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(LogLine.Kind.DM, "psst"));
        assertThat(log.lines("dev").get(1).text()).isEqualTo("rate_limited: slow down");
        assertThat(log.lines("lobby")).isEmpty();
    }

    @Test
    void copiedLineReadsAsPlainText() {
        log.apply(others(3, "bob", "你好"));

        assertThat(log.lines("lobby").getFirst().plain(ZoneOffset.UTC)).isEqualTo("10:00:03 bob: 你好");
    }

    @Test
    void keepsAMinutesFloodWholeThenDropsTheOldestLinesInChunks() {
        int flood = LogViewModel.MAX_LINES + LogViewModel.TRIM_CHUNK - 1;
        for (int seq = 1; seq <= flood; seq++) {
            log.apply(others(seq, "bob", "m" + seq));
        }
        assertThat(log.lines("lobby")).hasSize(flood).first().extracting(LogLine::seq).isEqualTo(1L);

        log.apply(others(flood + 1, "bob", "one more"));

        assertThat(log.lines("lobby")).hasSize(LogViewModel.MAX_LINES);
        assertThat(log.lines("lobby").getFirst().seq()).isEqualTo(flood + 2L - LogViewModel.MAX_LINES);
        assertThat(log.lines("lobby").getLast().text()).isEqualTo("one more");
    }
}
