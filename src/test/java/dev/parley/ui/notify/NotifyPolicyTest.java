package dev.parley.ui.notify;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/// The notification decisions, plain JUnit: the delays of the catch-up run when the test says.
class NotifyPolicyTest {

    private final NotifySettings settings = new NotifySettings();
    private final List<Alert> alerts = new ArrayList<>();
    private final List<Integer> totals = new ArrayList<>();
    private final UnreadCounts unread = new UnreadCounts(totals::add);
    private final List<Runnable> pending = new ArrayList<>();
    private final Clock clock = Clock.fixed(Instant.parse("2026-12-08T10:00:00Z"), ZoneOffset.UTC);
    private NotifyPolicy policy = policy(Locale.ENGLISH);

    private NotifyPolicy policy(Locale locale) {
        Delay byHand = (Duration delay, Runnable action) -> {
            pending.add(action);
            return () -> pending.remove(action);
        };
        return new NotifyPolicy(settings, unread, Words.bundle(locale), byHand, clock, alerts::add);
    }

    @BeforeEach
    void bobLooksAtTheLobby() {
        policy.self("bob");
        policy.showing("lobby");
    }

    private static Incoming room(String room, String from, String text) {
        return Incoming.room(room, from, text, false);
    }

    /// The catch-up's quiet time passes.
    private void quiet() {
        List.copyOf(pending).forEach(Runnable::run);
    }

    @Test
    void aMessageOnScreenIsNeitherNotifiedNorUnread() {
        policy.message(room("lobby", "alice", "hi"));
        assertThat(alerts).isEmpty();
        assertThat(unread.total()).isZero();
    }

    @Test
    void aMessageInAConversationNotOnScreenIsNotifiedWithSenderPlaceAndText() {
        policy.message(room("random", "alice", "  lunch\n at   noon? "));
        assertThat(alerts).containsExactly(new Alert("alice in random", "lunch at noon?", "random", false));
        assertThat(unread.of("random")).isEqualTo(1);
    }

    @Test
    void everyMessageIsNotifiedWhileTheWindowIsNotFocusedAndSeenOnReturn() {
        policy.focused(false);
        policy.message(room("lobby", "alice", "one"));
        policy.message(room("random", "carol", "two"));
        assertThat(alerts).extracting(Alert::conversation).containsExactly("lobby", "random");
        assertThat(totals).containsExactly(1, 2);
        policy.focused(true);
        assertThat(unread.total()).isEqualTo(1);
        policy.showing("random");
        assertThat(unread.total()).isZero();
        assertThat(UnreadCounts.title("Parley", 3)).isEqualTo("(3) Parley");
        assertThat(UnreadCounts.title("Parley", 0)).isEqualTo("Parley");
    }

    @Test
    void neverForOnesOwnMessages() {
        policy.focused(false);
        policy.message(Incoming.room("lobby", "bob", "mine", true));
        policy.message(Incoming.direct("alice", "bob", "mine too", true));
        assertThat(alerts).isEmpty();
        assertThat(unread.total()).isZero();
    }

    @Test
    void doNotDisturbShowsNothingButStillCountsUnread() {
        settings.doNotDisturb(true);
        policy.message(room("random", "alice", "bob, urgent"));
        policy.message(Incoming.direct("alice", "alice", "psst", false));
        assertThat(alerts).isEmpty();
        assertThat(unread.total()).isEqualTo(2);
    }

    @Test
    void aMutedRoomIsSilentButAMentionStillNotifiesWithSound() {
        settings.mute("random", true);
        policy.message(room("random", "alice", "chatter"));
        policy.message(room("random", "alice", "@Bob have a look"));
        assertThat(alerts).containsExactly(new Alert("alice mentioned you in random", "@Bob have a look", "random", true));
        assertThat(unread.of("random")).isEqualTo(1);
    }

    @Test
    void soundForPrivateMessagesAndMentionsButNotRoomsByDefault() {
        policy.message(room("random", "alice", "room talk"));
        policy.message(room("news", "alice", "bob?"));
        policy.message(Incoming.direct("alice", "alice", "private", false));
        assertThat(alerts).extracting(Alert::sound).containsExactly(false, true, true);
        assertThat(alerts.get(2).title()).isEqualTo("alice");
        assertThat(alerts.get(2).conversation()).isEqualTo("@alice");
        settings.soundRooms(true);
        settings.soundPrivate(false);
        policy.message(room("games", "alice", "room talk"));
        policy.message(Incoming.direct("carol", "carol", "private", false));
        assertThat(alerts.subList(3, 5)).extracting(Alert::sound).containsExactly(true, false);
    }

    @Test
    void catchUpAfterAReconnectMakesOneSummaryPerConversation() {
        policy.focused(false);
        policy.connected(true);
        for (int i = 0; i < 12; i++) {
            policy.message(room("lobby", "alice", "missed " + i));
        }
        policy.message(room("random", "carol", "just one"));
        policy.message(Incoming.direct("dave", "dave", "bob, call me", false));
        assertThat(alerts).isEmpty();
        quiet();
        assertThat(alerts).containsExactly(
                new Alert("12 new messages in lobby", "", "lobby", false),
                new Alert("1 new message in random", "carol: just one", "random", false),
                new Alert("1 new message from dave", "1 of them mentions you", "@dave", true));
        assertThat(unread.total()).isEqualTo(14);
        policy.message(room("lobby", "alice", "live again"));
        assertThat(alerts).hasSize(4);
    }

    @Test
    void aBusyConversationGetsOneNotificationThenOneSummaryOfWhatFollowed() {
        policy.focused(false);
        for (int i = 0; i < 500; i++) {
            policy.message(room("lobby", "alice", i == 7 ? "bob look" : "flood " + i));
        }
        assertThat(alerts).containsExactly(new Alert("alice in lobby", "flood 0", "lobby", false));
        quiet();
        assertThat(alerts).hasSize(2).last()
                .isEqualTo(new Alert("499 new messages in lobby", "1 of them mentions you", "lobby", true));
        assertThat(unread.total()).isEqualTo(500);
        policy.message(room("lobby", "alice", "later"));
        policy.message(room("lobby", "carol", "one more"));
        quiet();
        assertThat(alerts).hasSize(4).last()
                .isEqualTo(new Alert("1 new message in lobby", "carol: one more", "lobby", false));
    }

    @Test
    void catchUpOfAMutedRoomIsSilentUnlessItMentionsThePerson() {
        settings.mute("random", true);
        settings.mute("quiet", true);
        policy.connected(true);
        policy.message(room("random", "alice", "chatter"));
        policy.message(room("quiet", "alice", "chatter"));
        policy.message(room("quiet", "alice", "bob!"));
        policy.message(room("quiet", "alice", "BOB!!"));
        quiet();
        assertThat(alerts).containsExactly(new Alert("2 new messages in quiet", "2 of them mention you", "quiet", true));
    }

    @Test
    void theRecentMessagesOfTheFirstConnectionAreNotNews() {
        policy.focused(false);
        policy.connected(false);
        policy.message(room("lobby", "alice", "old"));
        policy.message(room("random", "alice", "old too"));
        quiet();
        assertThat(alerts).isEmpty();
        assertThat(unread.total()).isZero();
        policy.message(room("lobby", "alice", "new"));
        assertThat(alerts).hasSize(1);
    }

    @Test
    void aMessageSentAfterTheConnectionWasMadeIsNewsEvenDuringTheHistory() {
        policy.focused(false);
        policy.connected(false);
        policy.message(room("lobby", "alice", "old").sentAt("2026-12-08T09:59:59.999Z"));
        policy.message(room("lobby", "alice", "new").sentAt("2026-12-08T10:00:00Z"));
        policy.message(room("random", "alice", "unknown time").sentAt("yesterday"));
        assertThat(alerts).extracting(Alert::body).containsExactly("new");
        policy.connected(true);
        policy.message(room("random", "alice", "missed").sentAt("2026-12-08T09:00:00Z"));
        policy.message(room("random", "carol", "live").sentAt("2026-12-08T10:00:01Z"));
        assertThat(alerts).extracting(Alert::body).containsExactly("new", "live");
        quiet();
        assertThat(alerts).hasSize(3);
        assertThat(alerts.getLast().title()).isEqualTo("1 new message in random");
    }

    @Test
    void catchUpInDoNotDisturbMakesNoSummary() {
        settings.doNotDisturb(true);
        policy.connected(true);
        policy.message(room("random", "alice", "missed"));
        quiet();
        assertThat(alerts).isEmpty();
    }

    @Test
    void chineseTextsAndPlurals() {
        policy = policy(Locale.SIMPLIFIED_CHINESE);
        policy.self("bob");
        policy.focused(false);
        policy.message(room("大厅", "张三", "你好"));
        policy.message(room("闲聊", "张三", "bob 在吗"));
        policy.connected(true);
        policy.message(room("大厅", "张三", "一"));
        policy.message(room("大厅", "张三", "二"));
        quiet();
        assertThat(alerts).extracting(Alert::title)
                .containsExactly("张三（大厅）", "张三 在 闲聊 提到了你", "大厅 有 2 条新消息");
    }

    @Test
    void theSnippetIsOneLineCutAtAWholeCharacter() {
        var text = "😀".repeat(200);
        var snippet = NotifyPolicy.snippet(text);
        assertThat(snippet.codePointCount(0, snippet.length())).isEqualTo(NotifyPolicy.SNIPPET_CHARS);
        assertThat(snippet).endsWith("😀…");
    }
}
