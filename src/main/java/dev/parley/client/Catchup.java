package dev.parley.client;

import dev.parley.client.ClientEvent.ChatReceived;
import dev.parley.client.ClientEvent.HistoryPage;
import dev.parley.protocol.Message;
import dev.parley.protocol.Message.Chat;
import dev.parley.protocol.Message.HistoryRequest;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Consumer;

/// Merges every room's messages by `seq` ([RoomLog]) and keeps them gap-free: after a reconnect
/// it asks `history {room, after: last}`, and whenever a gap shows it asks for what is missing.
/// `history` answers carry no request id, so the answers expected from each room are kept in
/// the order asked (the server answers one connection's requests in order). Loop thread only.
final class Catchup {

    enum Tag {
        /// The recent messages the server sends after a join (the handshake room's too).
        JOIN,
        /// Our own `history {after}` to fill a gap.
        CATCHUP,
        /// [ParleyClient#requestHistory]: goes to the listener as a [HistoryPage].
        USER
    }

    private record Expected(Tag tag, HistoryRequest request) {}

    /// The wait before a refused catch-up is asked again, doubling up to the most.
    static final Duration RETRY_MIN = Duration.ofSeconds(1);
    static final Duration RETRY_MAX = Duration.ofSeconds(30);

    private final Conversation.Link link;
    private final Consumer<ClientEvent> emit;
    private final Map<String, RoomLog> logs = new HashMap<>();
    private final Map<String, ArrayDeque<Expected>> expected = new HashMap<>();
    private final List<HistoryRequest> waiting = new ArrayList<>();
    /// Refused catch-ups by room: how many in a row, and which wait to be asked again.
    private final Map<String, Integer> refusals = new HashMap<>();
    private final Set<String> retrying = new HashSet<>();
    private final Consumer<Chat> merged;

    /// Each merged message as a [ChatReceived].
    Catchup(Conversation.Link link, Consumer<ClientEvent> emit) {
        this(link, emit, chat -> emit.accept(new ChatReceived(chat, chat.from().equals(link.clientId()))));
    }

    /// Each merged message to `merged`, once, in order. A private conversation merges under its
    /// id `@name` ([Line#privateWith]) and is asked for with `history {with}`.
    Catchup(Conversation.Link link, Consumer<ClientEvent> emit, Consumer<Chat> merged) {
        this.link = link;
        this.emit = emit;
        this.merged = merged;
    }

    /// A private conversation listed in `welcome` with its last `seq`: what was missed of it is
    /// asked for. A private conversation is merged from its first message (unlike a room, which
    /// starts where the client came in), so nothing said to an offline member is skipped.
    void conversation(String id, long lastSeq) {
        var log = log(id);
        log.markEmptyIfUnknown();
        boolean asked = expected.getOrDefault(id, new ArrayDeque<>()).stream().anyMatch(e -> e.tag() == Tag.CATCHUP);
        if (log.last() < lastSeq && !asked) {
            ask(id, Tag.CATCHUP, new HistoryRequest(id, log.last(), null, null));
        }
    }

    /// A new connection: answers asked on the old one will never come; user requests are asked again.
    void disconnected() {
        for (var queue : expected.values()) {
            queue.stream().filter(e -> e.tag() == Tag.USER).forEach(e -> waiting.add(e.request()));
        }
        expected.clear();
        retrying.clear(); // the next connection asks again when it rejoins
    }

    /// The connection is ready and `room` is (re)joined: its recent messages are on their way.
    void connected(String room) {
        expect(room, Tag.JOIN, null);
        var log = logs.get(room);
        if (log != null && log.known()) {
            ask(room, Tag.CATCHUP, new HistoryRequest(room, log.last(), null, null));
        }
        for (var request : List.copyOf(waiting)) {
            if (request.room().equals(room)) {
                waiting.remove(request);
                ask(room, Tag.USER, request);
            }
        }
    }

    void forget(String room) {
        logs.remove(room);
        expected.remove(room);
        retrying.remove(room);
        refusals.remove(room);
    }

    /// The server refused a `history` of `room` (too busy, or its store could not read): the
    /// answer expected first from it — the page a join brings when `ref` is `join`, else one we
    /// asked for — will never come. Returns how long to wait before [#retry], or null when
    /// nothing is to be asked again (a user's page: the caller hears of the refusal itself).
    Duration refused(String room, String ref) {
        var queue = expected.get(room);
        Expected lost = null;
        if (queue != null) {
            boolean join = "join".equals(ref);
            lost = queue.stream().filter(e -> join ? e.request() == null : e.request() != null).findFirst().orElse(null);
            queue.remove(lost);
        }
        if (lost == null || lost.tag() == Tag.USER) {
            return null;
        }
        int attempt = refusals.merge(room, 1, Integer::sum) - 1;
        retrying.add(room);
        return Backoff.delay(RETRY_MIN, RETRY_MAX, attempt, ThreadLocalRandom.current().nextDouble());
    }

    /// Asks again for what a refused catch-up of `room` was to bring: what follows the last
    /// merged message, or the recent ones when nothing is merged yet. Nothing when the room was
    /// left or the connection changed meanwhile (a rejoin asks anew).
    void retry(String room) {
        if (!retrying.remove(room)) {
            return;
        }
        var log = logs.get(room);
        if (log != null && log.known()) {
            ask(room, Tag.CATCHUP, new HistoryRequest(room, log.last(), null, null));
        } else if (Line.isPrivate(room)) {
            log(room).markEmptyIfUnknown(); // a conversation is merged from its first message
            ask(room, Tag.CATCHUP, new HistoryRequest(room, 0L, null, null));
        } else {
            ask(room, Tag.JOIN, new HistoryRequest(room, null, null, null));
        }
    }

    void joining(String room) {
        expect(room, Tag.JOIN, null);
    }

    void requestPage(HistoryRequest request, boolean ready) {
        if (link.seed()) {
            emit.accept(new HistoryPage(request.room(), List.of(), true)); // the seed keeps no history
        } else if (ready) {
            ask(request.room(), Tag.USER, request);
        } else {
            waiting.add(request);
        }
    }

    /// A live `chat`.
    void live(Chat chat) {
        var room = chat.room();
        if (room != null && Line.isPrivate(room)) {
            log(room).markEmptyIfUnknown();
        }
        deliver(log(room).offer(chat));
        fillGap(room);
    }

    void history(Message.History history) {
        var room = history.room();
        refusals.remove(room);
        var queue = expected.get(room);
        var next = queue == null || queue.isEmpty() ? new Expected(Tag.JOIN, null) : queue.poll();
        var log = log(room);
        var messages = history.messages().stream()
                .map(m -> m.room() == null ? new Chat(m.id(), room, m.seq(), m.from(), m.text(), m.time(), m.cid(), m.file()) : m)
                .toList();
        switch (next.tag()) {
            case USER -> emit.accept(new HistoryPage(room, messages, history.complete()));
            case JOIN -> {
                // The recent messages end before what we saw (or the room is empty): the server
                // lost its history (an in-memory store restarted) and numbers from 1 again.
                long newest = messages.stream().mapToLong(Chat::seq).max().orElse(0);
                boolean emptyRoom = messages.isEmpty() && history.complete();
                if (log.last() > 0 && (newest > 0 ? newest < log.last() : emptyRoom)) {
                    log.restart();
                }
                deliver(log.offer(messages));
                if (messages.isEmpty() && history.complete()) {
                    log.markEmptyIfUnknown();
                }
                fillGap(room);
            }
            case CATCHUP -> {
                deliver(log.offer(messages));
                if (!history.complete() && !messages.isEmpty()) {
                    ask(room, Tag.CATCHUP, new HistoryRequest(room, log.last(), null, null));
                } else if (log.hasGap()) {
                    deliver(log.skipGap()); // the server no longer has the missing messages
                }
            }
        }
    }

    /// The last `seq` delivered for `room`, or -1.
    long last(String room) {
        var log = logs.get(room);
        return log == null ? -1 : log.last();
    }

    private void fillGap(String room) {
        var log = log(room);
        var queue = expected.get(room);
        boolean asked = queue != null && queue.stream().anyMatch(e -> e.tag() == Tag.CATCHUP);
        if (log.hasGap() && !asked && !link.seed()) {
            ask(room, Tag.CATCHUP, new HistoryRequest(room, log.last(), null, null));
        }
    }

    private void ask(String room, Tag tag, HistoryRequest request) {
        if (link.send(wire(request))) {
            expect(room, tag, request);
        } else if (tag == Tag.USER) {
            waiting.add(request);
        }
    }

    /// A private conversation's request goes as `history {with}`.
    private static Message.ToServer wire(HistoryRequest request) {
        var id = request.room();
        return Line.isPrivate(id)
                ? new Message.ConversationHistoryRequest(id.substring(1), request.after(), request.before(), request.limit())
                : request;
    }

    private void expect(String room, Tag tag, HistoryRequest request) {
        expected.computeIfAbsent(room, r -> new ArrayDeque<>()).add(new Expected(tag, request));
    }

    private RoomLog log(String room) {
        return logs.computeIfAbsent(room == null ? "" : room, r -> new RoomLog());
    }

    private void deliver(List<Chat> chats) {
        for (var chat : chats) {
            merged.accept(chat);
        }
    }
}
