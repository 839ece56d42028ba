package dev.parley.ui;

import dev.parley.client.ClientEvent;
import dev.parley.client.ConnectionState;
import dev.parley.ui.notify.Alert;
import dev.parley.ui.notify.Availability;
import dev.parley.ui.notify.AwayTimer;
import dev.parley.ui.notify.Delay;
import dev.parley.ui.notify.DesktopNotifier;
import dev.parley.ui.notify.Incoming;
import dev.parley.ui.notify.NotifyPolicy;
import dev.parley.ui.notify.NotifySettings;
import dev.parley.ui.notify.UnreadCounts;
import dev.parley.ui.notify.Words;
import java.time.Clock;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.Supplier;
import dev.parley.ui.notify.Mentions;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

/// Connects the client's events and the window's focus to the notification logic
/// ([NotifyPolicy]) and carries out what it decides: the desktop notification, the sound, the
/// unread total. Also keeps the person's own availability ([AwayTimer]). FX thread only; the
/// notifier is made at the first notification (no bus connection for a window that never
/// needs one) and called on `notifierThread`, since a D-Bus call may block.
public final class Notices implements AutoCloseable {

    private final NotifySettings settings;
    private final ReadOnlyIntegerWrapper unread = new ReadOnlyIntegerWrapper();
    private final ReadOnlyObjectWrapper<Availability> chosen = new ReadOnlyObjectWrapper<>(Availability.ONLINE);
    private final ReadOnlyObjectWrapper<Mentions> mentions = new ReadOnlyObjectWrapper<>(new Mentions(""));
    private final NotifyPolicy policy;
    private final AwayTimer away;
    private final Supplier<DesktopNotifier> makeNotifier;
    private final Executor notifierThread;
    private final Runnable sound;
    private DesktopNotifier notifier;
    private Consumer<String> clicked = conversation -> { };
    private Consumer<Availability> availabilityChanged = status -> { };
    private Runnable settingsChanged = () -> { };
    private boolean focused = true;
    private boolean connectedBefore;

    /// `makeNotifier` runs on `notifierThread`; `sound` plays the chime without waiting.
    public Notices(NotifySettings settings, Words words, Delay delay, Clock clock,
                   Supplier<DesktopNotifier> makeNotifier, Executor notifierThread, Runnable sound) {
        this.settings = settings;
        this.makeNotifier = makeNotifier;
        this.notifierThread = notifierThread;
        this.sound = sound;
        this.policy = new NotifyPolicy(settings, new UnreadCounts(unread::set), words, delay, clock, this::alert);
        this.away = new AwayTimer(clock, AwayTimer.DEFAULT_IDLE, status -> availabilityChanged.accept(status));
    }

    /// Messages not seen yet, for the title ("(3) Parley") and the taskbar badge.
    public ReadOnlyIntegerProperty unreadProperty() {
        return unread.getReadOnlyProperty();
    }

    public NotifySettings settings() {
        return settings;
    }

    /// The status the person chose (not the automatic away): what the status menu shows.
    public ReadOnlyObjectProperty<Availability> chosenProperty() {
        return chosen.getReadOnlyProperty();
    }

    /// Who counts as "you" in a message (the name this server gave), for the log to highlight.
    public ReadOnlyObjectProperty<Mentions> mentionsProperty() {
        return mentions.getReadOnlyProperty();
    }

    /// Takes over the settings read from disk; a "Do not disturb" kept from last time is chosen again.
    public void adopt(NotifySettings loaded) {
        settings.adopt(loaded);
        if (settings.doNotDisturb() && chosen.get() != Availability.DND) {
            chosen.set(Availability.DND);
            away.choose(Availability.DND);
        }
    }

    /// Changes the notification settings (a sound switched on or off) and saves them.
    public void change(Consumer<NotifySettings> change) {
        change.accept(settings);
        settingsChanged.run();
    }

    /// `clicked` hears, on the notifier's thread, the conversation of a clicked notification.
    public void onClick(Consumer<String> clicked) {
        this.clicked = clicked;
    }

    /// `changed` hears every change of the person's availability (to send as presence status).
    public void onAvailability(Consumer<Availability> changed) {
        availabilityChanged = changed;
    }

    public void focused(boolean now) {
        focused = now;
        policy.focused(now);
    }

    public void showing(String conversation) {
        policy.showing(conversation);
    }

    /// A key press or mouse move in the window.
    public void input() {
        away.input();
    }

    /// The window's once-a-second tick.
    public void tick() {
        away.tick();
    }

    /// Called after every change of the notification settings (to save them).
    public void onSettingsChanged(Runnable save) {
        settingsChanged = save;
    }

    /// The person chose a status; "Do not disturb" also silences notifications.
    public void choose(Availability status) {
        settings.doNotDisturb(status == Availability.DND);
        chosen.set(status);
        away.choose(status);
        settingsChanged.run();
    }

    /// Mutes a conversation (a room's name, or [Incoming#directKey] of a person) or unmutes it.
    public void mute(String conversation, boolean on) {
        settings.mute(conversation, on);
        settingsChanged.run();
    }

    public void event(ClientEvent event) {
        switch (event) {
            case ClientEvent.Welcomed(var welcome) -> {
                policy.self(welcome.clientId());
                mentions.set(new Mentions(welcome.clientId()));
            }
            case ClientEvent.StateChanged changed when changed.state() == ConnectionState.CONNECTED -> {
                policy.connected(connectedBefore);
                connectedBefore = true;
            }
            case ClientEvent.StateChanged changed when changed.state() == ConnectionState.DISCONNECTED ->
                    connectedBefore = false;
            case ClientEvent.ChatReceived(var chat, var own) ->
                    policy.message(Incoming.room(chat.room(), chat.from(), chat.text(), own).sentAt(chat.time()));
            case ClientEvent.DmReceived(var dm, var own) -> policy.message(
                    Incoming.direct(own ? dm.to() : dm.from(), dm.from(), dm.text(), own).sentAt(dm.time()));
            default -> { }
        }
    }

    private void alert(Alert alert) {
        if (alert.sound()) {
            sound.run();
        }
        notifierThread.execute(() -> {
            if (notifier == null) {
                notifier = makeNotifier.get();
                notifier.onClick(conversation -> clicked.accept(conversation));
            }
            notifier.show(alert.title(), alert.body(), alert.conversation());
        });
    }

    @Override
    public void close() {
        notifierThread.execute(() -> {
            if (notifier != null) {
                notifier.close();
            }
        });
    }
}
