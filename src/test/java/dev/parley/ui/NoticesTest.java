package dev.parley.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.client.ClientEvent;
import dev.parley.client.ConnectionState;
import dev.parley.protocol.Message;
import dev.parley.ui.notify.Availability;
import dev.parley.ui.notify.DesktopNotifier;
import dev.parley.ui.notify.NotifySettings;
import dev.parley.ui.notify.Words;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/// The window's notices fed client events, plain JUnit: the notifier records what it was asked
/// to show and everything runs at once on the test's thread.
class NoticesTest {

    private static final Instant NOW = Instant.parse("2026-12-08T10:00:00Z");

    private final List<String> shown = new ArrayList<>();
    private final List<Runnable> later = new ArrayList<>();
    private int sounds;
    private final Notices notices = new Notices(new NotifySettings(), Words.bundle(Locale.ENGLISH),
            (delay, action) -> { later.add(action); return () -> later.remove(action); },
            Clock.fixed(NOW, ZoneOffset.UTC), this::recorder, Runnable::run, () -> sounds++);

    private DesktopNotifier recorder() {
        return new DesktopNotifier() {
            @Override public long show(String title, String body, String conversation) {
                shown.add(title + " | " + body);
                return shown.size();
            }
            @Override public void onClick(Consumer<String> clicked) { }
            @Override public String describe() { return "recorder"; }
            @Override public void close() { }
        };
    }

    private static ClientEvent state(ConnectionState state) {
        return new ClientEvent.StateChanged(state, null, state == ConnectionState.RECONNECTING ? Duration.ofSeconds(1) : null, null);
    }

    private static ClientEvent chat(String room, String from, String text, Instant time) {
        return new ClientEvent.ChatReceived(new Message.Chat("id", room, 1, from, text, time.toString(), null), false);
    }

    private static ClientEvent dm(String from, String to, String text) {
        return new ClientEvent.DmReceived(new Message.Dm("id", from, to, text, NOW.toString(), null), false);
    }

    private void quiet() {
        List.copyOf(later).forEach(Runnable::run);
    }

    @Test
    void aReconnectSummarisesWhatWasMissedWhileTheFirstConnectionsHistoryIsQuiet() {
        notices.showing("lobby");
        notices.focused(false);
        notices.event(new ClientEvent.Welcomed(new Message.Welcome("ann", "lobby", List.of("lobby"), null, null, null)));
        notices.event(state(ConnectionState.CONNECTING));
        notices.event(state(ConnectionState.CONNECTED));
        notices.event(chat("lobby", "bob", "old news", NOW.minusSeconds(60)));
        quiet();
        assertThat(shown).isEmpty();

        notices.event(state(ConnectionState.RECONNECTING));
        notices.event(state(ConnectionState.CONNECTED));
        for (int i = 0; i < 3; i++) {
            notices.event(chat("lobby", "bob", "missed " + i, NOW.minusSeconds(30)));
        }
        quiet();
        assertThat(shown).containsExactly("3 new messages in lobby | ");
        assertThat(notices.unreadProperty().get()).isEqualTo(3);
        notices.focused(true);
        assertThat(notices.unreadProperty().get()).isZero();
    }

    @Test
    void privateMessagesNotifyWithSoundWhenTheirConversationIsNotShownAndDoNotDisturbSilencesEverything() {
        notices.event(new ClientEvent.Welcomed(new Message.Welcome("ann", "lobby", List.of("lobby"), null, null, null)));
        notices.showing("@bob");
        notices.event(dm("bob", "ann", "seen in the open conversation"));
        assertThat(shown).isEmpty();
        notices.showing("lobby");
        notices.event(dm("bob", "ann", "psst"));
        assertThat(shown).containsExactly("bob | psst");
        assertThat(sounds).isEqualTo(1);

        notices.choose(Availability.DND);
        notices.event(dm("carol", "ann", "hello?"));
        assertThat(shown).hasSize(1);
        assertThat(notices.unreadProperty().get()).isEqualTo(2);
    }

    @Test
    void doNotDisturbKeptFromLastTimeIsChosenAgainAndSentAsStatus() {
        var heard = new ArrayList<Availability>();
        notices.onAvailability(heard::add);
        var saved = new NotifySettings();
        saved.doNotDisturb(true);
        notices.adopt(saved);
        assertThat(notices.chosenProperty().get()).isEqualTo(Availability.DND);
        assertThat(heard).containsExactly(Availability.DND);

        notices.focused(false);
        notices.event(new ClientEvent.Welcomed(new Message.Welcome("ann", "lobby", List.of("lobby"), null, null, null)));
        notices.event(chat("lobby", "bob", "ann, still there?", NOW));
        assertThat(shown).isEmpty();
        assertThat(notices.mentionsProperty().get().in("ann, still there?")).isTrue();

        notices.choose(Availability.ONLINE);
        assertThat(heard).containsExactly(Availability.DND, Availability.ONLINE);
        assertThat(notices.settings().doNotDisturb()).isFalse();
    }

    @Test
    void aChangedSoundSettingIsSaved() {
        var saves = new int[1];
        notices.onSettingsChanged(() -> saves[0]++);
        notices.change(s -> s.soundRooms(true));
        assertThat(notices.settings().soundRooms()).isTrue();
        assertThat(saves[0]).isEqualTo(1);
    }
}
