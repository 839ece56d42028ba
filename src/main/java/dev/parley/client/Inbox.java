package dev.parley.client;

import dev.parley.protocol.Checked;
import dev.parley.protocol.Codec;
import dev.parley.protocol.ErrorCode;
import dev.parley.protocol.Message;
import dev.parley.protocol.Message.ToClient;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Locale;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/// Reads the server's frames (Parley's and the seed's forms) and hands each to the part that
/// owns it: greeting to [ClientCore], chat and history to [Conversation], the rest straight to
/// the listener. Remembers what decides how the connection's close is read. Loop thread only.
final class Inbox {

    private static final System.Logger LOG = System.getLogger(Inbox.class.getName());

    private final ClientCore core;
    private final Conversation conversation;
    private final Searches searches;
    private final Events events;
    private final Rosters rosters;
    private final ArrayDeque<Long> protocolPings = new ArrayDeque<>();
    private ErrorCode lastError;
    private boolean roomClosing;
    private boolean greeted;
    private boolean firstFrame;
    private boolean resendScheduled;
    private final ScheduledExecutorService loop;

    Inbox(ClientCore core, Conversation conversation, Searches searches, Events events, Rosters rosters,
            ScheduledExecutorService loop) {
        this.core = core;
        this.rosters = rosters;
        this.conversation = conversation;
        this.searches = searches;
        this.events = events;
        this.loop = loop;
    }

    void newConnection() {
        lastError = null;
        roomClosing = false;
        greeted = false;
        firstFrame = true;
        protocolPings.clear();
    }

    ErrorCode lastError() {
        return lastError;
    }

    boolean greeted() {
        return greeted;
    }

    boolean roomClosing() {
        return roomClosing;
    }

    void frame(String text) {
        boolean first = firstFrame;
        firstFrame = false;
        var decoded = Codec.decodeToClient(text);
        if (!(decoded instanceof Checked.Ok<ToClient>(var message))) {
            var refused = (Checked.Refused<ToClient>) decoded;
            // A newer server's message type, or garbage: never fatal, never shown as chat.
            LOG.log(System.Logger.Level.DEBUG, "ignored a frame from the server: {0}", refused.message());
            return;
        }
        switch (message) {
            case Message.Welcome welcome -> {
                greeted = true;
                core.welcomed(welcome);
            }
            case Message.SystemNotice notice -> system(notice.text(), first);
            case Message.Presence presence -> {
                rosters.replace(presence.room(), presence.members());
                events.accept(new ClientEvent.PresenceChanged(presence.room(), presence.members()));
            }
            case Message.PresenceChange(var room, var joined, var left) -> {
                if (rosters.update(room, joined, left)) {
                    events.accept(new ClientEvent.PresenceUpdated(room, joined, left));
                }
            }
            case Message.History history -> conversation.catchup().history(history);
            case Message.ConversationHistory page -> conversation.catchup().history(asRoomPage(page));
            case Message.ConversationTyping typing -> events.accept(new ClientEvent.PrivateTyping(typing.from()));
            case Message.Chat chat -> conversation.chat(chat);
            case Message.Dm dm -> conversation.dm(dm);
            case Message.TypingNotice typing -> events.accept(new ClientEvent.TypingNotice(typing.room(), typing.from()));
            case Message.Pong pong -> {
                if (pong.t() != null) {
                    events.accept(new ClientEvent.RoundTrip(Heartbeat.roundTrip(pong.t(), System.nanoTime())));
                }
            }
            case Message.SearchResults results -> searches.results(results);
            case Message.Error error -> error(error);
        }
    }

    /// A conversation's page in the form [Catchup] merges: its id `@name` as the room.
    private static Message.History asRoomPage(Message.ConversationHistory page) {
        var id = Line.privateWith(page.with() == null ? "" : page.with());
        var chats = page.messages().stream()
                .map(dm -> new Message.Chat(dm.id(), id, dm.seq(), dm.from(), dm.text(), dm.time(), null))
                .toList();
        return new Message.History(id, chats, page.complete());
    }

    private void system(String text, boolean first) {
        var lower = text.toLowerCase(Locale.ROOT);
        if (lower.contains("closing")) {
            roomClosing = true; // the 1001 close that follows means the host stopped, not a network loss
        }
        events.accept(new ClientEvent.SystemNotice(text));
        // Parley opens with `welcome`; the seed's server opens with `system "NAME joined"`, which
        // tells us the seed right away, and our name (the seed makes one up for guests).
        if (first && !greeted && text.endsWith(" joined")) {
            core.seedGreeted(text.substring(0, text.length() - " joined".length()));
        }
    }

    private void error(Message.Error error) {
        if (Failures.decidesClose(error.code())) {
            lastError = error.code();
        }
        if (searches.refused(error)) {
            return;
        }
        if (error.room() != null || error.with() != null) {
            retryCatchupLater(error.room() != null ? error.room() : Line.privateWith(error.with()), error.ref());
        }
        if (conversation.error(error)) {
            resendPendingLater();
        }
    }

    /// A refused `history` of `id` (a room, or `@name`): its catch-up is asked again after a backoff.
    private void retryCatchupLater(String id, String ref) {
        var wait = conversation.catchup().refused(id, ref);
        if (wait != null) {
            loop.schedule(() -> {
                if (core.ready()) {
                    conversation.catchup().retry(id);
                }
            }, wait.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    /// After the server's rate limit: one resend of the pending room messages a second later.
    private void resendPendingLater() {
        if (resendScheduled) {
            return;
        }
        resendScheduled = true;
        loop.schedule(() -> {
            resendScheduled = false;
            if (core.ready()) {
                conversation.resendPendingChats();
            }
        }, 1, TimeUnit.SECONDS);
    }

    /// The seed answers JSON `ping` with an error, so seed servers get WebSocket ping frames.
    void protocolPingSent(long nanos) {
        protocolPings.add(nanos);
        if (protocolPings.size() > 16) {
            protocolPings.poll();
        }
    }

    void protocolPong(long nowNanos) {
        var sent = protocolPings.poll();
        if (sent != null) {
            events.accept(new ClientEvent.RoundTrip(Duration.ofNanos(nowNanos - sent)));
        }
    }
}
