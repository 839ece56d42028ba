package dev.parley.ui.notify;

/// A message as the notification logic sees it. `conversation` is the key of where it belongs:
/// the room's name, or `@` and the other person's name for a private conversation (a room name
/// never holds an `@`); `place` is what to call it in a notification.
public record Incoming(String conversation, String place, String from, String text, boolean direct, boolean own) {

    public static Incoming room(String room, String from, String text, boolean own) {
        return new Incoming(room, room, from, text, false, own);
    }

    /// `peer` is the other member of the conversation (the recipient of one's own message).
    public static Incoming direct(String peer, String from, String text, boolean own) {
        return new Incoming(directKey(peer), peer, from, text, true, own);
    }

    public static String directKey(String peer) {
        return "@" + peer;
    }
}
