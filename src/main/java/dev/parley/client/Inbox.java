package dev.parley.client;

import dev.parley.protocol.Checked;
import dev.parley.protocol.Codec;
import dev.parley.protocol.ErrorCode;
import dev.parley.protocol.Message;
import dev.parley.protocol.Message.ToClient;
import java.util.ArrayDeque;
import java.util.Locale;

/// Reads the server's frames (Parley's and the seed's forms) and hands each to the part that
/// owns it: greeting to [ClientCore], chat and history to [Conversation], the rest straight to
/// the listener. Remembers what decides how the connection's close is read. Loop thread only.
final class Inbox {

    private static final System.Logger LOG = System.getLogger(Inbox.class.getName());

    private final ClientCore core;
    private final Conversation conversation;
    private final Events events;
    private final ArrayDeque<Long> protocolPings = new ArrayDeque<>();
    private ErrorCode lastError;
    private boolean roomClosing;
    private boolean greeted;

    Inbox(ClientCore core, Conversation conversation, Events events) {
        this.core = core;
        this.conversation = conversation;
        this.events = events;
    }

    void newConnection() {
        lastError = null;
        roomClosing = false;
        greeted = false;
        protocolPings.clear();
    }

    ErrorCode lastError() {
        return lastError;
    }

    boolean roomClosing() {
        return roomClosing;
    }

    void frame(String text) {
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
            case Message.SystemNotice notice -> system(notice.text());
            case Message.Presence presence -> events.accept(new ClientEvent.PresenceChanged(presence.room(), presence.members()));
            case Message.History history -> conversation.catchup().history(history);
            case Message.Chat chat -> conversation.chat(chat);
            case Message.Dm dm -> conversation.dm(dm);
            case Message.TypingNotice typing -> events.accept(new ClientEvent.TypingNotice(typing.room(), typing.from()));
            case Message.Pong pong -> {
                if (pong.t() != null) {
                    events.accept(new ClientEvent.RoundTrip(Heartbeat.roundTrip(pong.t(), System.nanoTime())));
                }
            }
            case Message.Error error -> error(error);
        }
    }

    private void system(String text) {
        var lower = text.toLowerCase(Locale.ROOT);
        if (lower.contains("closing")) {
            roomClosing = true; // the 1001 close that follows means the host stopped, not a network loss
        }
        if (!greeted && text.endsWith(" joined")) {
            core.seedNamed(text.substring(0, text.length() - " joined".length()));
        }
        events.accept(new ClientEvent.SystemNotice(text));
    }

    private void error(Message.Error error) {
        if (ClientCore.decidesClose(error.code())) {
            lastError = error.code();
        }
        if (conversation.error(error)) {
            core.resendLater(error.ref());
        }
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
            events.accept(new ClientEvent.RoundTrip(java.time.Duration.ofNanos(nowNanos - sent)));
        }
    }
}
