package dev.parley.client;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.protocol.Message.Chat;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class RoomLogTest {

    private static Chat chat(long seq) {
        return new Chat("id" + seq, "lobby", seq, "bob", "m" + seq, "2026-01-01T00:00:00Z", null);
    }

    private static List<Chat> chats(long from, long to) {
        return LongStream.rangeClosed(from, to).mapToObj(RoomLogTest::chat).toList();
    }

    private static List<Long> seqs(List<Chat> chats) {
        return chats.stream().map(Chat::seq).toList();
    }

    @Test
    void deliversEachSeqOnceInOrderWhateverTheArrivalOrder() {
        var log = new RoomLog();
        var arrivals = new ArrayList<Chat>();
        for (int copy = 0; copy < 3; copy++) {
            arrivals.addAll(chats(1, 200));
        }
        Collections.shuffle(arrivals, new Random(7));
        arrivals.addFirst(chat(1));
        var delivered = new ArrayList<Chat>();
        for (var chat : arrivals) {
            delivered.addAll(log.offer(chat));
        }
        assertThat(seqs(delivered)).containsExactlyElementsOf(LongStream.rangeClosed(1, 200).boxed().toList());
        assertThat(log.hasGap()).isFalse();
        assertThat(log.last()).isEqualTo(200);
    }

    @Test
    void holdsMessagesBehindAGapUntilHistoryFillsIt() {
        var log = new RoomLog();
        assertThat(seqs(log.offer(chats(1, 3)))).containsExactly(1L, 2L, 3L);
        assertThat(log.offer(chat(6))).isEmpty();
        assertThat(log.offer(chat(7))).isEmpty();
        assertThat(log.hasGap()).isTrue();
        assertThat(log.last()).isEqualTo(3);
        assertThat(seqs(log.offer(chats(2, 5)))).containsExactly(4L, 5L, 6L, 7L);
        assertThat(log.hasGap()).isFalse();
    }

    @Test
    void skipsAGapTheServerCannotFillAnyMore() {
        var log = new RoomLog();
        log.offer(chats(1, 2));
        log.offer(chats(10, 11));
        assertThat(seqs(log.skipGap())).containsExactly(10L, 11L);
        assertThat(log.last()).isEqualTo(11);
        assertThat(log.offer(chat(5))).isEmpty();
    }

    @Test
    void theFirstMessagesSeenStartTheRoom() {
        var log = new RoomLog();
        assertThat(log.known()).isFalse();
        assertThat(seqs(log.offer(List.of(chat(43), chat(41), chat(42))))).containsExactly(41L, 42L, 43L);
        var empty = new RoomLog();
        empty.markEmptyIfUnknown();
        assertThat(empty.offer(chat(2))).isEmpty();
        assertThat(seqs(empty.offer(chat(1)))).containsExactly(1L, 2L);
    }

    @Test
    void unnumberedSeedMessagesPassStraightThrough() {
        var log = new RoomLog();
        var seed = new Chat(null, null, 0, "bun", "hi", null, null);
        assertThat(log.offer(seed)).containsExactly(seed);
        assertThat(log.offer(seed)).containsExactly(seed);
        assertThat(log.known()).isFalse();
    }

    @Test
    void restartForgetsTheOldNumbering() {
        var log = new RoomLog();
        log.offer(chats(1, 50));
        log.restart();
        assertThat(seqs(log.offer(chats(1, 2)))).containsExactly(1L, 2L);
    }

    @Test
    void aRunawayGapIsSkippedRatherThanGrowingWithoutEnd() {
        var log = new RoomLog();
        log.offer(chat(1));
        var delivered = log.offer(chats(3, 3 + RoomLog.MAX_AHEAD));
        assertThat(delivered).hasSize(RoomLog.MAX_AHEAD + 1);
        assertThat(log.hasGap()).isFalse();
    }

    @Test
    void aKnownSeqWithAnotherIdMeansTheServerNumbersAfresh() {
        var log = new RoomLog();
        log.offer(chats(1, 5));
        var renumbered = new Chat("new-1", "lobby", 1, "alice", "after restart", null, null);
        var sameAsBefore = chat(3);
        assertThat(log.offer(sameAsBefore)).isEmpty();
        assertThat(log.offer(List.of(renumbered, new Chat("new-2", "lobby", 2, "alice", "two", null, null))))
                .extracting(Chat::text).containsExactly("after restart", "two");
        assertThat(log.last()).isEqualTo(2);
    }
}
