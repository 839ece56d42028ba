package dev.parley.ui.notify;

import java.time.Instant;
import java.time.format.DateTimeParseException;

/// A message as the notification logic sees it. `conversation` is the key of where it belongs:
/// the room's name, or `@` and the other person's name for a private conversation (a room name
/// never holds an `@`); `place` is what to call it in a notification; `time` is the server's
/// time of the message as on the wire (ISO-8601), null when unknown.
public record Incoming(String conversation, String place, String from, String text, boolean direct, boolean own,
                       String time) {

    public static Incoming room(String room, String from, String text, boolean own) {
        return new Incoming(room, room, from, text, false, own, null);
    }

    /// `peer` is the other member of the conversation (the recipient of one's own message).
    public static Incoming direct(String peer, String from, String text, boolean own) {
        return new Incoming(directKey(peer), peer, from, text, true, own, null);
    }

    public Incoming sentAt(String serverTime) {
        return new Incoming(conversation, place, from, text, direct, own, serverTime);
    }

    /// The server's time, or null when there is none or it cannot be read (the seed's server).
    /// Read only while history may arrive, not for every live message.
    Instant sent() {
        try {
            return time == null ? null : Instant.parse(time);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    public static String directKey(String peer) {
        return "@" + peer;
    }
}
