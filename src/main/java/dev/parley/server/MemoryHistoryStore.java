package dev.parley.server;

import dev.parley.protocol.Message.Chat;
import dev.parley.protocol.Message.FileInfo;
import dev.parley.server.history.Deadline;
import dev.parley.server.history.HistoryStore;
import dev.parley.server.history.Occupancy;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/// History kept in memory (a server without a data folder, and tests): per room its last
/// `retention` messages and the `(cid, text)` pairs they came with (a resend is the same cid,
/// room and text, as [HistoryStore.Stored] says), at most `maxStored` in all rooms together
/// (the oldest go first). Memory grows with what is stored, not with the retention; a room
/// with no messages and no members is forgotten. Appends complete at once.
public final class MemoryHistoryStore implements HistoryStore {

    /// Messages searched between two looks at the deadline.
    private static final int CHECK_EVERY = 64;

    private final int retention;
    private final long maxStored;
    private final ConcurrentHashMap<String, RoomLog> rooms = new ConcurrentHashMap<>();
    private final Occupancy occupied = new Occupancy();
    private final AtomicLong stored = new AtomicLong();
    private final Object pruning = new Object();
    private final String idPrefix = Long.toString(ThreadLocalRandom.current().nextLong() & Long.MAX_VALUE, 36) + "-";
    private final AtomicLong ids = new AtomicLong();

    public MemoryHistoryStore(int retention) {
        this(retention, Long.MAX_VALUE);
    }

    public MemoryHistoryStore(int retention, long maxStored) {
        this.retention = retention;
        this.maxStored = maxStored;
    }

    /// One room's messages, seqs `lastSeq - size + 1 … lastSeq`, oldest at `kept[head]`.
    private final class RoomLog {
        private final String room;
        private final ArrayList<Chat> kept = new ArrayList<>();
        private int head;
        // In seq order, as `kept`: an entry goes when its message does.
        private final LinkedHashMap<String, Chat> byCid = new LinkedHashMap<>();
        private long lastSeq;
        private boolean dead;

        RoomLog(String room) {
            this.room = room;
        }

        private int size() {
            return kept.size() - head;
        }

        private Chat at(long seq) {
            return kept.get(head + (int) (seq - (lastSeq - size() + 1)));
        }

        /// Null when this log was forgotten meanwhile: the caller takes a fresh one.
        synchronized Stored append(String from, String text, String cid, Instant time, FileInfo file) {
            if (dead) {
                return null;
            }
            var key = cid == null ? null : cid + '\u0000' + text;
            if (key != null && byCid.get(key) instanceof Chat original) {
                return new Stored(original, true);
            }
            var chat = new Chat(idPrefix + Long.toString(ids.incrementAndGet(), 36), room, ++lastSeq, from, text,
                    time.toString(), null, file);
            kept.add(chat);
            stored.incrementAndGet();
            if (key != null) {
                byCid.put(key, chat);
            }
            if (size() > retention) {
                dropOldest();
            }
            return new Stored(chat, false);
        }

        private void dropOldest() {
            kept.set(head++, null);
            stored.decrementAndGet();
            long first = lastSeq - size() + 1;
            for (var eldest = byCid.entrySet().iterator(); eldest.hasNext(); ) {
                if (eldest.next().getValue().seq() >= first) {
                    break;
                }
                eldest.remove();
            }
            if (head >= 16 && head * 2 >= kept.size()) {
                kept.subList(0, head).clear();
                head = 0;
            }
        }

        /// Drops the oldest message; false when there is none left to drop.
        synchronized boolean prune() {
            if (size() > 0) {
                dropOldest();
            }
            return size() > 0;
        }

        synchronized boolean forgetIfEmpty() {
            if (size() == 0 && !occupied.has(room)) {
                dead = true;
            }
            return dead;
        }

        /// The order in which the oldest message was stored (its id's counter); 0 when empty.
        synchronized long oldestOrder() {
            return size() == 0 ? 0 : Long.parseLong(kept.get(head).id().substring(idPrefix.length()), 36);
        }

        synchronized List<Chat> page(Long after, Long before, int limit) {
            long oldest = lastSeq - size() + 1;
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
                result.add(at(seq));
            }
            return result;
        }

        synchronized long lastSeq() {
            return lastSeq;
        }
    }

    @Override
    public CompletableFuture<Stored> append(String room, String from, String text, String cid, Instant time,
            FileInfo file) {
        Stored result;
        do {
            var log = rooms.computeIfAbsent(room, RoomLog::new);
            result = log.append(from, text, cid, time, file);
            if (result == null) {
                rooms.remove(room, log);
            }
        } while (result == null);
        if (stored.get() > maxStored) {
            pruneOldest();
        }
        return CompletableFuture.completedFuture(result);
    }

    /// Down to a hundredth below `maxStored` (so that this pass over every room comes once per
    /// so many messages, not at every one), the oldest messages of all rooms first; rooms left
    /// empty and without members are forgotten.
    private void pruneOldest() {
        synchronized (pruning) {
            long target = maxStored - maxStored / 100;
            var byAge = new PriorityQueue<RoomLog>(Comparator.comparingLong(RoomLog::oldestOrder));
            byAge.addAll(rooms.values());
            while (stored.get() > target && !byAge.isEmpty()) {
                var log = byAge.poll();
                if (log.prune()) {
                    byAge.add(log);
                } else if (log.forgetIfEmpty()) {
                    rooms.remove(log.room, log);
                }
            }
        }
    }

    @Override
    public Set<String> referencedFiles() {
        var result = new HashSet<String>();
        for (var log : rooms.values()) {
            for (var chat : log.page(null, null, retention)) {
                if (chat.file() != null) {
                    result.add(chat.file().sha256());
                }
            }
        }
        return result;
    }

    @Override
    public void occupied(String room) {
        occupied.occupied(room);
    }

    @Override
    public void vacated(String room) {
        occupied.vacated(room);
        var log = rooms.get(room);
        if (log != null && log.forgetIfEmpty()) {
            rooms.remove(room, log);
        }
    }

    /// How many messages are stored in all rooms; how many rooms are remembered.
    long storedMessages() {
        return stored.get();
    }

    int rememberedRooms() {
        return rooms.size();
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
    public Map<String, Long> lastSeqs() {
        var result = new HashMap<String, Long>();
        rooms.forEach((room, log) -> result.put(room, log.lastSeq()));
        return result;
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
