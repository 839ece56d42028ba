package dev.parley.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.client.ClientEvent;
import dev.parley.protocol.ErrorCode;
import dev.parley.protocol.Message;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class LogViewModelTest {

    private final Clock clock = Clock.fixed(Instant.parse("2026-01-02T10:00:00Z"), ZoneOffset.UTC);
    private String active = "lobby";
    private final LogViewModel log = new LogViewModel(clock, () -> active);

    private static Message.Chat chat(long seq, String from, String text, String cid) {
        return new Message.Chat("id" + seq, "lobby", seq, from, text, "2026-01-02T10:00:0" + (seq % 10) + "Z", cid);
    }

    @Test
    void ownMessageIsPendingThenSentAndShownOnceDespiteItsEcho() {
        log.self("ann");
        log.apply(new ClientEvent.ChatPending("c1", "lobby", "hello"));
        assertThat(log.lines("lobby")).singleElement().satisfies(l -> {
            assertThat(l.own()).isTrue();
            assertThat(l.status()).isEqualTo(LogLine.Status.PENDING);
        });

        log.apply(new ClientEvent.ChatAcknowledged("c1", chat(7, "ann", "hello", "c1")));
        log.apply(new ClientEvent.ChatReceived(chat(7, "ann", "hello", "c1"), true));

        assertThat(log.lines("lobby")).singleElement().satisfies(l -> {
            assertThat(l.status()).isEqualTo(LogLine.Status.SENT);
            assertThat(l.seq()).isEqualTo(7);
            assertThat(l.text()).isEqualTo("hello");
        });
    }

    @Test
    void failedMessageOffersRetryAndGoesBackToPendingWhenResent() {
        log.apply(new ClientEvent.ChatPending("c1", "lobby", "too much"));
        log.apply(new ClientEvent.ChatFailed("c1", ErrorCode.TOO_LARGE, "text is too long"));
        assertThat(log.lines("lobby").getFirst().status()).isEqualTo(LogLine.Status.FAILED);
        assertThat(log.lines("lobby").getFirst().detail()).isEqualTo("text is too long");

        log.apply(new ClientEvent.ChatPending("c1", "lobby", "too much"));

        assertThat(log.lines("lobby")).singleElement()
                .extracting(LogLine::status).isEqualTo(LogLine.Status.PENDING);
    }

    @Test
    void othersMessagesAreAddedOnceAndReportTheirRoomForUnreadCounts() {
        var first = log.apply(new ClientEvent.ChatReceived(chat(1, "bob", "hi", null), false));
        var again = log.apply(new ClientEvent.ChatReceived(chat(1, "bob", "hi", null), false));

        assertThat(first).isEqualTo("lobby");
        assertThat(again).isNull();
        assertThat(log.lines("lobby")).extracting(LogLine::from, LogLine::text)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("bob", "hi"));
        assertThat(log.lines("lobby").getFirst().time()).isEqualTo(Instant.parse("2026-01-02T10:00:01Z"));
    }

    @Test
    void historyPutInFrontSkipsWhatIsShownAndOthersCidsAreNotKept() {
        for (long seq = 20_001; seq <= 20_003; seq++) {
            log.apply(new ClientEvent.ChatReceived(chat(seq, new String("bob"), "m" + seq, "bob-cid-" + seq), false));
        }
        // A page is oldest first.
        var page = List.of(chat(1, new String("bob"), "m1", "bob-cid-1"), chat(20_000, new String("bob"), "m20000", "bob-cid-20000"),
                chat(20_001, new String("bob"), "m20001", "bob-cid-20001"), chat(20_002, new String("bob"), "m20002", "bob-cid-20002"));
        log.apply(new ClientEvent.HistoryPage("lobby", page, true));

        assertThat(log.lines("lobby")).extracting(LogLine::seq).containsExactly(1L, 20_000L, 20_001L, 20_002L, 20_003L);
        assertThat(log.lines("lobby")).extracting(LogLine::cid).containsOnlyNulls();
        // One copy of the sender's name for all their lines (each message above has its own).
        assertThat(log.lines("lobby")).allSatisfy(line -> assertThat(line.from()).isSameAs(log.lines("lobby").getFirst().from()));
    }

    @Test
    void seedServerEchoWithoutSeqDoesNotDoubleTheOwnLine() {
        log.self("ann");
        log.apply(new ClientEvent.ChatPending("c1", "lobby", "hey"));
        log.apply(new ClientEvent.ChatAcknowledged("c1", chat(0, "ann", "hey", "c1")));
        log.apply(new ClientEvent.ChatReceived(chat(0, "ann", "hey", null), true));

        assertThat(log.lines("lobby")).singleElement().extracting(LogLine::status).isEqualTo(LogLine.Status.SENT);
    }

    @Test
    void systemNoticesErrorsAndDmsGoToTheShownRoom() {
        active = "dev";
        log.apply(new ClientEvent.SystemNotice("bob joined"));
        log.apply(new ClientEvent.Refused(ErrorCode.RATE_LIMITED, "slow down", null));
        log.apply(new ClientEvent.DmReceived(new Message.Dm("d1", "bob", "ann", "psst", null, null), false));

        assertThat(log.lines("dev")).extracting(LogLine::kind)
                .containsExactly(LogLine.Kind.SYSTEM, LogLine.Kind.ERROR, LogLine.Kind.DM);
        assertThat(log.lines("dev").get(1).text()).isEqualTo("rate_limited: slow down");
        assertThat(log.lines("lobby")).isEmpty();
    }

    @Test
    void copiedLineReadsAsPlainText() {
        log.apply(new ClientEvent.ChatReceived(chat(3, "bob", "你好", null), false));

        assertThat(log.lines("lobby").getFirst().plain(ZoneOffset.UTC)).isEqualTo("10:00:03 bob: 你好");
    }

    @Test
    void keepsAMinutesFloodWholeThenDropsTheOldestLinesInChunks() {
        int flood = LogViewModel.MAX_LINES + LogViewModel.TRIM_CHUNK - 1;
        for (int seq = 1; seq <= flood; seq++) {
            log.apply(new ClientEvent.ChatReceived(chat(seq, "bob", "m" + seq, null), false));
        }
        assertThat(log.lines("lobby")).hasSize(flood).first().extracting(LogLine::seq).isEqualTo(1L);

        log.apply(new ClientEvent.ChatReceived(chat(flood + 1, "bob", "one more", null), false));

        assertThat(log.lines("lobby")).hasSize(LogViewModel.MAX_LINES);
        assertThat(log.lines("lobby").getFirst().seq()).isEqualTo(flood + 2L - LogViewModel.MAX_LINES);
        assertThat(log.lines("lobby").getLast().text()).isEqualTo("one more");
    }
}
