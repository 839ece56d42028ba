package dev.parley.client;

import java.util.Locale;

/// One line of a conversation, as a window or a page shows it. `conversation` is a room's name,
/// or `@name` (lower case) for the private conversation with `name`: [#privateWith]. `cid` is
/// set on this client's own lines (the handle of [ParleyClient#retry]); `seq` is 0 until the
/// server numbered the line (and for the seed server's lines); `time` is the server's, or null
/// while pending.
public record Line(String conversation, String cid, long seq, String from, String text, String time, boolean own,
                   State state) {

    /// Own lines go PENDING → SENT, or → FAILED and back to PENDING on a retry; everyone
    /// else's lines are SENT.
    public enum State { PENDING, SENT, FAILED }

    /// The conversation id of the private conversation with `name`.
    public static String privateWith(String name) {
        return "@" + name.toLowerCase(Locale.ROOT);
    }

    /// True for a private conversation's id.
    public static boolean isPrivate(String conversation) {
        return conversation.startsWith("@");
    }

    Line with(State newState, long newSeq, String newTime) {
        return new Line(conversation, cid, newSeq, from, text, newTime, own, newState);
    }
}
