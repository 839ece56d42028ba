package dev.parley.server;

import dev.parley.protocol.Message.Chat;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/// History kept in memory (a server without a data folder, and tests): per room a ring of the
/// last `retention` messages and the `(cid, text)` pairs they came with (a resend is the same
/// cid, room and text, as [HistoryStore.Stored] says). Appends complete at once.
public final class MemoryHistoryStore implements HistoryStore {

    /// Messages searched between two looks at the deadline.
    private static final int CHECK_EVERY = 64;

    private final int retention;
    private final ConcurrentHashMap<String, RoomLog> rooms = new ConcurrentHashMap<>();
    private final String idPrefix = Long.toString(ThreadLocalRandom.current().nextLong() & Long.MAX_VALUE, 36) + "-";
    private final AtomicLong ids = new AtomicLong();

    public MemoryHistoryStore(int retention) {
        this.retention = retention;
    }

    /// One room's messages: `ring[(seq - 1) % retention]` holds `seq` while it is retained.
    private final class RoomLog {
        private final Chat[] ring = new Chat[retention];
        private final Map<String, Chat> byCid = new LinkedHashMap<>(16, 0.75f, false) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Chat> eldest) {
                return size() > retention;
            }
        };
        private long lastSeq;

        synchronized Stored append(String room, String from, String text, String cid, Instant time) {
            var key = cid == null ? null : cid + '\u0000' + text;
            if (key != null && byCid.get(key) instanceof Chat original) {
                return new Stored(original, true);
            }
            var chat = new Chat(idPrefix + Long.toString(ids.incrementAndGet(), 36), room, ++lastSeq, from, text,
                    time.toString(), null);
            ring[(int) ((chat.seq() - 1) % retention)] = chat;
            if (key != null) {
                byCid.put(key, chat);
            }
            return new Stored(chat, false);
        }

        synchronized List<Chat> page(Long after, Long before, int limit) {
            long oldest = Math.max(1, lastSeq - retention + 1);
            long low = Math.max(oldest, after == null ? oldest : after + 1);
            long high = Math.min(lastSeq, before == null ? lastSeq : before - 1);
            if (high < low || limit <= 0) {
                return List.of();
            }
            if (high - low + 1 > limit) {
                if (after == null) {
                    low = high - limit + 1;
                } else {
                    high = low + limit - 1;
                }
            }
            var result = new ArrayList<Chat>((int) (high - low + 1));
            for (long seq = low; seq <= high; seq++) {
                result.add(ring[(int) ((seq - 1) % retention)]);
            }
            return result;
        }

        synchronized long lastSeq() {
            return lastSeq;
        }
    }

    @Override
    public CompletableFuture<Stored> append(String room, String from, String text, String cid, Instant time) {
        return CompletableFuture.completedFuture(rooms.computeIfAbsent(room, name -> new RoomLog())
                .append(room, from, text, cid, time));
    }

    @Override
    public List<Chat> page(String room, Long after, Long before, int limit, Deadline deadline) {
        deadline.check();
        var log = rooms.get(room);
        return log == null ? List.of() : log.page(after, before, limit);
    }

    @Override
    public long lastSeq(String room) {
        var log = rooms.get(room);
        return log == null ? 0 : log.lastSeq();
    }

    @Override
    public List<Chat> search(String query, int limit) {
        return search(query, rooms.keySet(), limit, Deadline.NONE);
    }

    /// Messages containing every whitespace-separated term of `query`, case-insensitive — the
    /// same reading of a query as the SQLite store, without an index.
    @Override
    public List<Chat> search(String query, Collection<String> inRooms, int limit, Deadline deadline) {
        var terms = Arrays.stream((query == null ? "" : query).toLowerCase(Locale.ROOT).strip().split("\\s+")).filter(t -> !t.isEmpty()).toList();
        if (terms.isEmpty() || limit <= 0) {
            return List.of();
        }
        var found = new ArrayList<Chat>();
        for (var room : Set.copyOf(inRooms)) {
            var log = rooms.get(room);
            int looked = 0;
            for (var chat : log == null ? List.<Chat>of() : log.page(null, null, retention)) {
                if (++looked % CHECK_EVERY == 0) {
                    deadline.check();
                }
                var text = chat.text().toLowerCase(Locale.ROOT);
                if (terms.stream().allMatch(text::contains)) {
                    found.add(chat);
                }
            }
        }
        found.sort(Comparator.comparing(Chat::time).thenComparing(Chat::seq).reversed());
        return found.size() > limit ? List.copyOf(found.subList(0, limit)) : found;
    }

    @Override
    public void close() {
        rooms.clear();
    }
}
