package dev.parley.client;

import dev.parley.protocol.Message.Chat;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.TreeMap;

/// One room's messages merged by `seq`: each `seq` is delivered once, in order, without gaps.
/// Messages that arrive ahead of a gap wait here until the gap is filled (by a history page) or
/// declared permanent with [#skipGap] (the server no longer keeps the missing ones).
/// Not thread-safe: used only on the client's loop thread.
final class RoomLog {

    /// Upper bound of messages waiting behind a gap; past it the gap is skipped rather than
    /// letting a broken server grow the client's memory without end.
    static final int MAX_AHEAD = 10_000;

    /// How many delivered `seq → id` pairs are remembered to recognise a renumbered server.
    static final int REMEMBERED_IDS = 2_000;

    private long last = -1;
    private final TreeMap<Long, Chat> ahead = new TreeMap<>();
    private final LinkedHashMap<Long, String> deliveredIds = new LinkedHashMap<>();

    /// The last `seq` delivered without a gap; -1 while nothing is known about the room.
    long last() {
        return last;
    }

    boolean known() {
        return last >= 0;
    }

    boolean hasGap() {
        return !ahead.isEmpty();
    }

    /// Merges messages (any order, duplicates allowed) and returns those now deliverable, in order.
    List<Chat> offer(Collection<Chat> chats) {
        var sorted = new ArrayList<>(chats);
        sorted.sort((a, b) -> Long.compare(a.seq(), b.seq()));
        if (sorted.stream().anyMatch(this::renumbered)) {
            restart();
        }
        var out = new ArrayList<Chat>();
        for (var chat : sorted) {
            offerOne(chat, out);
        }
        if (ahead.size() > MAX_AHEAD) {
            out.addAll(skipGap());
        }
        return out;
    }

    List<Chat> offer(Chat chat) {
        return offer(List.of(chat));
    }

    /// Nothing is in the room yet (an empty, complete first history): the next message is seq 1.
    void markEmptyIfUnknown() {
        if (last < 0) {
            last = 0;
        }
    }

    /// Gives up on the missing messages before the first waiting one and delivers what waits.
    List<Chat> skipGap() {
        var out = new ArrayList<Chat>();
        if (!ahead.isEmpty()) {
            last = ahead.firstKey() - 1;
            drain(out);
        }
        return out;
    }

    /// The server's numbering started again (its history was lost): forget what we knew.
    void restart() {
        last = -1;
        ahead.clear();
        deliveredIds.clear();
    }

    /// A known `seq` with another message `id`: the server lost its history (an in-memory store
    /// restarted) and numbers from 1 again. A true duplicate has the same id.
    private boolean renumbered(Chat chat) {
        if (chat.id() == null || chat.seq() <= 0) {
            return false;
        }
        var delivered = deliveredIds.get(chat.seq());
        var waiting = ahead.get(chat.seq());
        return (delivered != null && !delivered.equals(chat.id()))
                || (waiting != null && waiting.id() != null && !waiting.id().equals(chat.id()));
    }

    private void offerOne(Chat chat, List<Chat> out) {
        long seq = chat.seq();
        if (seq <= 0) {
            out.add(chat); // an unnumbered (seed) message cannot be merged, only passed on
            return;
        }
        if (last < 0) {
            last = seq - 1; // the first message we see starts the room for us
        }
        if (seq <= last) {
            return; // already delivered
        }
        ahead.putIfAbsent(seq, chat);
        drain(out);
    }

    private void drain(List<Chat> out) {
        while (!ahead.isEmpty() && ahead.firstKey() == last + 1) {
            var chat = ahead.pollFirstEntry().getValue();
            out.add(chat);
            last++;
            if (chat.id() != null) {
                deliveredIds.put(chat.seq(), chat.id());
                if (deliveredIds.size() > REMEMBERED_IDS) {
                    deliveredIds.pollFirstEntry();
                }
            }
        }
    }
}
