package dev.parley.client;

import dev.parley.protocol.Message;
import java.util.Locale;

/// One line of a conversation, as a window or a page shows it. `conversation` is a room's name,
/// or `@name` (lower case) for the private conversation with `name`: [#privateWith]. `cid` is
/// set on this client's own lines (the handle of [ParleyClient#retry]); `seq` is 0 until the
/// server numbered the line (and for the seed server's lines); `time` is the server's, or null
/// while pending. `file` is a shared file (null for plain text): while pending it holds what
/// was sent (`sha256`, `name`, `mime`), once sent the server's `url`, `size` and `thumb` too.
public record Line(String conversation, String cid, long seq, String from, String text, String time, boolean own,
                   State state, Message.FileInfo file) {

    /// A line without a file.
    public Line(String conversation, String cid, long seq, String from, String text, String time, boolean own,
                State state) {
        this(conversation, cid, seq, from, text, time, own, state, null);
    }

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
        return new Line(conversation, cid, newSeq, from, text, newTime, own, newState, file);
    }

    /// The server's copy of the file, when it has one (it adds `url`, `size`, `thumb`).
    Line withFile(Message.FileInfo served) {
        return served == null ? this : new Line(conversation, cid, seq, from, text, time, own, state, served);
    }
}
