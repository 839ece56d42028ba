package dev.parley.ui.log;

import dev.parley.protocol.Message;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/// One line of the log pane. Immutable: a status change replaces the line in its list, which
/// makes the `ListView` redraw just that cell. `file` is a shared file (null for text alone).
public record LogLine(Kind kind, Instant time, String from, String text, boolean own, Status status,
                      String cid, long seq, String detail, Message.FileInfo file) {

    /// A line without a file.
    public LogLine(Kind kind, Instant time, String from, String text, boolean own, Status status,
                   String cid, long seq, String detail) {
        this(kind, time, from, text, own, status, cid, seq, detail, null);
    }

    public enum Kind { CHAT, DM, SYSTEM, ERROR }

    /// Only for own messages: waiting for the server, stored, or given up (then retryable).
    public enum Status { PENDING, SENT, FAILED }

    public static LogLine system(Instant time, String text) {
        return new LogLine(Kind.SYSTEM, time, null, text, false, null, null, 0, null);
    }

    public static LogLine error(Instant time, String text) {
        return new LogLine(Kind.ERROR, time, null, text, false, null, null, 0, null);
    }

    public LogLine withStatus(Status newStatus, String newDetail) {
        return new LogLine(kind, time, from, text, own, newStatus, cid, seq, newDetail, file);
    }

    /// The line as plain text, the way Copy puts it on the clipboard.
    public String plain(ZoneId zone) {
        var clock = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(zone).format(time);
        return switch (kind) {
            case CHAT -> clock + " " + from + ": " + text + attached();
            case DM -> clock + " " + from + " (dm): " + text + attached();
            case SYSTEM -> clock + " * " + text;
            case ERROR -> clock + " ! " + text;
        };
    }

    private String attached() {
        return file == null ? "" : (text.isEmpty() ? "" : " ") + "[" + file.name() + "]";
    }
}
