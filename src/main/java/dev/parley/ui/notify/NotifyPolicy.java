package dev.parley.ui.notify;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;

/// Decides which messages deserve the person's attention. A message counts as unread and is
/// notified when its conversation is not on screen, which is also the case for every
/// conversation while the window is not focused. Never for one's own messages; nothing at all in
/// "Do not disturb"; nothing from a muted conversation unless it mentions the person. After a
/// reconnect the messages that were missed arrive at once: they make one summary a conversation
/// ("12 new messages in lobby") once they stop coming; the recent messages shown after the first
/// connection were never missed and make none. Meanwhile a message sent after the connection was
/// made (by the server's time) is news as usual. A busy conversation does not flood the desktop
/// either: after a notification, what it says in the next [#COOLDOWN] makes one summary. FX
/// thread only (plain JUnit with a delay run by hand).
public final class NotifyPolicy {

    /// Catch-up is over when no message came for this long, or at the latest after [#CATCHUP_LIMIT].
    static final Duration CATCHUP_QUIET = Duration.ofMillis(1500);
    static final Duration CATCHUP_LIMIT = Duration.ofSeconds(10);
    static final Duration COOLDOWN = Duration.ofSeconds(4);
    static final int SNIPPET_CHARS = 140;

    private final NotifySettings settings;
    private final UnreadCounts unread;
    private final Words words;
    private final Delay delay;
    private final Clock clock;
    private final Consumer<Alert> alerts;
    private Mentions mentions = new Mentions("");
    private boolean focused = true;
    private String showing;
    private Phase phase = Phase.LIVE;
    private Instant phaseStart = Instant.MAX;
    private final Map<String, Missed> missed = new LinkedHashMap<>();
    private final Map<String, Missed> cooling = new LinkedHashMap<>();
    private Runnable cancelQuiet = () -> { };
    private Runnable cancelLimit = () -> { };

    private enum Phase { LIVE, FIRST_HISTORY, CATCHING_UP }

    /// What a conversation said that was not notified one by one (a reconnect, a busy spell).
    private static final class Missed {
        Incoming last;
        int count;
        int mentions;

        Missed(Incoming last) {
            this.last = last;
        }

        void add(Incoming message, boolean mention) {
            last = message;
            count++;
            mentions += mention ? 1 : 0;
        }
    }

    public NotifyPolicy(NotifySettings settings, UnreadCounts unread, Words words, Delay delay, Clock clock,
                        Consumer<Alert> alerts) {
        this.settings = settings;
        this.clock = clock;
        this.unread = unread;
        this.words = words;
        this.delay = delay;
        this.alerts = alerts;
    }

    /// The person's own name on this server (after `welcome`, which may have renamed them).
    public void self(String name) {
        mentions = new Mentions(name);
    }

    public void focused(boolean now) {
        focused = now;
        if (focused && showing != null) {
            unread.seen(showing);
        }
    }

    /// The conversation the window shows now.
    public void showing(String conversation) {
        showing = conversation;
        focused(focused);
    }

    /// The connection is up: what arrives until it calls quiet is history, not news. `again`
    /// says it is a reconnect (missed messages summarised) rather than the first connection.
    public void connected(boolean again) {
        settle();
        phase = again ? Phase.CATCHING_UP : Phase.FIRST_HISTORY;
        phaseStart = clock.instant();
        cancelLimit = delay.after(CATCHUP_LIMIT, this::settle);
        cancelQuiet = delay.after(CATCHUP_QUIET, this::settle);
    }

    public void message(Incoming message) {
        if (message.own()) {
            return;
        }
        switch (phase == Phase.LIVE || sentSinceConnected(message) ? Phase.LIVE : phase) {
            case FIRST_HISTORY -> quietAgain();
            case CATCHING_UP -> {
                quietAgain();
                if (onScreen(message.conversation())) {
                    return;
                }
                var mention = mentions.in(message.text());
                if (!counts(message, mention)) {
                    return;
                }
                unread.add(message.conversation());
                missed.computeIfAbsent(message.conversation(), k -> new Missed(message)).add(message, mention);
            }
            case LIVE -> live(message);
        }
    }

    private boolean sentSinceConnected(Incoming message) {
        var sent = message.sent();
        return sent != null && !sent.isBefore(phaseStart);
    }

    private void live(Incoming message) {
        // On screen first: the common case under a flood, and it needs no scan of the text.
        if (onScreen(message.conversation())) {
            return;
        }
        var mention = mentions.in(message.text());
        if (!counts(message, mention)) {
            return;
        }
        unread.add(message.conversation());
        if (settings.doNotDisturb()) {
            return;
        }
        var busy = cooling.get(message.conversation());
        if (busy != null) {
            busy.add(message, mention);
            return;
        }
        cooling.put(message.conversation(), new Missed(message));
        delay.after(COOLDOWN, () -> cooled(message.conversation()));
        var title = message.direct() ? words.get("notify.direct", message.from())
                : mention ? words.get("notify.mention", message.from(), message.place())
                : words.get("notify.room", message.from(), message.place());
        alerts.accept(new Alert(title, snippet(message.text()), message.conversation(), sound(message.direct(), mention)));
    }

    /// A muted conversation's message counts only when it mentions the person.
    private boolean counts(Incoming message, boolean mention) {
        return mention || !settings.muted(message.conversation());
    }

    private boolean onScreen(String conversation) {
        return focused && conversation.equals(showing);
    }

    private boolean sound(boolean direct, boolean mention) {
        return (direct && settings.soundPrivate()) || (mention && settings.soundMentions())
                || (!direct && !mention && settings.soundRooms());
    }

    private void quietAgain() {
        cancelQuiet.run();
        cancelQuiet = delay.after(CATCHUP_QUIET, this::settle);
    }

    /// Ends a catch-up: one summary for each conversation that missed something and is still not
    /// on screen.
    private void settle() {
        cancelQuiet.run();
        cancelLimit.run();
        phase = Phase.LIVE;
        var summaries = new ArrayList<>(missed.values());
        missed.clear();
        if (settings.doNotDisturb()) {
            return;
        }
        summaries.forEach(this::summarize);
    }

    private void cooled(String conversation) {
        var since = cooling.remove(conversation);
        if (since != null && since.count > 0 && !settings.doNotDisturb()) {
            summarize(since);
        }
    }

    /// One notification for what a conversation said meanwhile, unless it is on screen now.
    private void summarize(Missed conversation) {
        var last = conversation.last;
        if (onScreen(last.conversation())) {
            return;
        }
        var title = last.direct() ? words.get("notify.catchup.direct", conversation.count, last.place())
                : words.get("notify.catchup.room", conversation.count, last.place());
        var body = conversation.mentions > 0 ? words.get("notify.catchup.mentioned", conversation.mentions)
                : conversation.count == 1 ? last.from() + ": " + snippet(last.text()) : "";
        alerts.accept(new Alert(title, body, last.conversation(), sound(last.direct(), conversation.mentions > 0)));
    }

    /// The start of a message on one line, cut at a whole character.
    static String snippet(String text) {
        var line = text.strip().replaceAll("\\s+", " ");
        if (line.codePointCount(0, line.length()) <= SNIPPET_CHARS) {
            return line;
        }
        return line.substring(0, line.offsetByCodePoints(0, SNIPPET_CHARS - 1)) + "…";
    }
}
