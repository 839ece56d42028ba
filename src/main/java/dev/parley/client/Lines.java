package dev.parley.client;

import dev.parley.client.ClientEvent.ConversationAppeared;
import dev.parley.client.ClientEvent.LineAdded;
import dev.parley.client.ClientEvent.LineChanged;
import dev.parley.protocol.Message;
import dev.parley.protocol.Message.Chat;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.function.Consumer;

/// The line-level events ([LineAdded], [LineChanged], [ConversationAppeared]): each message
/// becomes one line, however often the server repeats it. An own line is added once, when sent;
/// its acknowledgement (by `cid`, or the seed server's echo) changes it; the merged message with
/// that `seq` then adds nothing. An own message that the merge brings before its
/// acknowledgement (stored, but the connection was lost before the answer) changes the oldest
/// pending line with its text instead. Loop thread only.
final class Lines {

    /// Acknowledged `seq`s not merged yet; a bound against a conversation left before its merge.
    private static final int MAX_ACKED = 10_000;

    private final Consumer<ClientEvent> emit;
    private final LinkedHashMap<String, Line> own = new LinkedHashMap<>();      // by cid, until sent
    private final LinkedHashSet<String> acked = new LinkedHashSet<>();          // conversation \n seq
    private final Set<String> appeared = new HashSet<>();
    private int echoesAcked;

    Lines(Consumer<ClientEvent> emit) {
        this.emit = emit;
    }

    void appeared(String conversation, String title) {
        if (appeared.add(conversation)) {
            emit.accept(new ConversationAppeared(conversation, title));
        }
    }

    /// An own message is (again) on its way.
    void pending(String cid, String conversation, String title, String from, String text, Message.FileInfo file) {
        appeared(conversation, title);
        var known = own.get(cid);
        if (known != null) {
            var again = known.with(Line.State.PENDING, known.seq(), known.time());
            own.put(cid, again);
            emit.accept(new LineChanged(again));
        } else {
            var line = new Line(conversation, cid, 0, from, text, null, true, Line.State.PENDING, file);
            own.put(cid, line);
            emit.accept(new LineAdded(line));
        }
    }

    void failed(String cid) {
        var known = own.get(cid);
        if (known != null && known.state() != Line.State.FAILED) {
            var failed = known.with(Line.State.FAILED, known.seq(), known.time());
            own.put(cid, failed);
            emit.accept(new LineChanged(failed));
        }
    }

    /// The server acknowledged `cid` with the stored message `chat` (`room` is the conversation).
    void acknowledged(String cid, Chat chat) {
        var known = own.remove(cid);
        if (chat.seq() > 0) {
            acked.add(chat.room() + "\n" + chat.seq());
            if (acked.size() > MAX_ACKED) {
                acked.removeFirst();
            }
        } else if (!Line.isPrivate(chat.room())) {
            echoesAcked++; // the seed's echo, merged next (an unnumbered dm is not merged again)
        }
        if (known != null) {
            emit.accept(new LineChanged(known.with(Line.State.SENT, chat.seq(), chat.time()).withFile(chat.file())));
        }
    }

    /// A message the merge delivers (once, in order); returns the cid of the own pending line
    /// it turned out to be, or null.
    String merged(Chat chat, boolean mine) {
        if (chat.seq() > 0 && acked.remove(chat.room() + "\n" + chat.seq())) {
            return null;
        }
        if (chat.seq() <= 0 && mine && echoesAcked > 0) {
            echoesAcked--;
            return null;
        }
        if (mine) {
            for (var line : own.values()) {
                if (line.state() == Line.State.PENDING && line.conversation().equals(chat.room())
                        && line.text().strip().equals(chat.text()) && sameFile(line.file(), chat.file())) {
                    own.remove(line.cid());
                    emit.accept(new LineChanged(line.with(Line.State.SENT, chat.seq(), chat.time()).withFile(chat.file())));
                    return line.cid();
                }
            }
        }
        emit.accept(new LineAdded(new Line(chat.room(), null, chat.seq(), chat.from(), chat.text(), chat.time(), mine,
                Line.State.SENT, chat.file())));
        return null;
    }

    private static boolean sameFile(Message.FileInfo sent, Message.FileInfo stored) {
        return sent == null ? stored == null : stored != null && sent.sha256().equalsIgnoreCase(stored.sha256());
    }
}
