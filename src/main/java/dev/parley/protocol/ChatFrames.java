package dev.parley.protocol;

import dev.parley.protocol.Message.Chat;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Function;

/// `history` and `results` frames cut to fit in `maxBytes` (clients use `maxFrameBytes` for what
/// they receive). Each chat is encoded once, in the order it would be kept, until the next one
/// would not fit; the frame is then written from those encodings. The work is bounded by the
/// frame, not by the page: 500 wide messages cost the few that fit, not 500 encodings a try.
public final class ChatFrames {

    private ChatFrames() {}

    /// A `history` frame of `page`: going forward (`keepOldest`, a request with `after`) the
    /// oldest messages are kept, otherwise the newest. Always at least one message, even one
    /// wider than the frame; a cut page is not `complete`, so the client asks again.
    public static String history(String room, List<Chat> page, boolean complete, boolean keepOldest, int maxBytes) {
        var shell = new Message.History(room, List.of(), false);
        var kept = fit(shell, keepOldest ? page : page.reversed(), ProtocolWriter::chat, maxBytes, 1);
        if (!keepOldest) {
            Collections.reverse(kept);
        }
        boolean whole = kept.size() == page.size();
        return ProtocolWriter.withChats(new Message.History(room, List.of(), complete && whole), kept);
    }

    /// A private conversation's `history` frame of `page`, cut as [#history] cuts a room's.
    public static String conversation(String with, List<Message.Dm> page, boolean complete, boolean keepOldest, int maxBytes) {
        var shell = new Message.ConversationHistory(with, List.of(), false);
        var kept = fit(shell, keepOldest ? page : page.reversed(), ProtocolWriter::dm, maxBytes, 1);
        if (!keepOldest) {
            Collections.reverse(kept);
        }
        boolean whole = kept.size() == page.size();
        return ProtocolWriter.withChats(new Message.ConversationHistory(with, List.of(), complete && whole), kept);
    }

    /// A `results` frame of `found` (newest first), cut to the newest that fit.
    public static String results(String query, String room, List<Chat> found, int maxBytes) {
        var shell = new Message.SearchResults(query, room, List.of());
        return ProtocolWriter.withChats(shell, fit(shell, found, ProtocolWriter::chat, maxBytes, 0));
    }

    /// The encodings of the leading messages of `inOrder` that fit beside `shell`; at least `minimum`.
    private static <T> List<String> fit(Message.ToClient shell, List<T> inOrder, Function<T, String> encoder, int maxBytes,
            int minimum) {
        long used = utf8Length(ProtocolWriter.withChats(shell, List.of()));
        var kept = new ArrayList<String>();
        for (var message : inOrder) {
            var encoded = encoder.apply(message);
            used += utf8Length(encoded) + (kept.isEmpty() ? 0 : 1);  // 1: the comma between two
            if (used > maxBytes && kept.size() >= minimum) {
                break;
            }
            kept.add(encoded);
        }
        return kept;
    }

    /// The UTF-8 size of `text` without encoding it (a lone surrogate counts as `?`, as the encoder writes it).
    static long utf8Length(String text) {
        long bytes = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x80) {
                bytes += 1;
            } else if (c < 0x800) {
                bytes += 2;
            } else if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                bytes += 4;
                i++;
            } else if (Character.isSurrogate(c)) {
                bytes += 1;
            } else {
                bytes += 3;
            }
        }
        return bytes;
    }
}
