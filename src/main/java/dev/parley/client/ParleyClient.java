package dev.parley.client;

import dev.parley.protocol.Checked;
import dev.parley.protocol.Limits;
import dev.parley.protocol.Message;
import dev.parley.protocol.Names;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/// A connection to a Parley (or seed) server that survives disconnects: reconnects with
/// exponential backoff and jitter, resends unacknowledged messages with their `cid`, catches up
/// by `seq`. Thread-safe; never blocks the caller on the network.
///
/// All work happens on the client's own loop thread (`parley-client-N`, a daemon), which also
/// calls the [ClientListener]: events arrive one at a time, in order, never on the caller's
/// thread. A window needs only the line-level events ([ClientEvent.LineAdded],
/// [ClientEvent.LineChanged], [ClientEvent.ConversationAppeared]): every room message and
/// private message once, its own ones from pending to sent (or failed), whatever the server
/// repeats. Private messages are merged by their conversation's `seq` like room messages (see
/// [Line] for the conversation ids) and also reported as [ClientEvent.DmReceived], once each.
public final class ParleyClient implements AutoCloseable {

    private static final AtomicInteger COUNTER = new AtomicInteger();

    private final ScheduledExecutorService loop;
    private final ClientCore core;
    private final ClientConfig config;
    private volatile boolean closed;
    private volatile Thread loopThread;

    public ParleyClient(ClientConfig config, ClientListener listener) {
        this(config, listener, Map.of());
    }

    /// `headers` go with every handshake (tests send a browser's `Origin` with it).
    ParleyClient(ClientConfig config, ClientListener listener, Map<String, List<String>> headers) {
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(config.serverUri(), "config.serverUri");
        Objects.requireNonNull(listener, "listener");
        var scheme = config.serverUri().getScheme();
        if (!"ws".equalsIgnoreCase(scheme) && !"wss".equalsIgnoreCase(scheme)) {
            throw new IllegalArgumentException("server address must be ws:// or wss://, got " + config.serverUri());
        }
        if (config.room() != null) {
            check(Names.room(config.room()));
        }
        int number = COUNTER.incrementAndGet();
        var executor = new ScheduledThreadPoolExecutor(1, task -> {
            loopThread = Thread.ofPlatform().daemon().name("parley-client-" + number).unstarted(task);
            return loopThread;
        });
        // Closing must not wait for a backoff timer or a ping that is due in 30 seconds.
        executor.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
        executor.setContinueExistingPeriodicTasksAfterShutdownPolicy(false);
        executor.setRemoveOnCancelPolicy(true);
        this.loop = executor;
        this.config = config;
        this.core = new ClientCore(config, loop, new Events(listener), Map.copyOf(headers));
    }

    /// Starts connecting (and reconnecting as needed); returns at once.
    public void connect() {
        run(core::connect);
    }

    /// Queues a room message in the outbox and sends it when connected; returns its `cid`.
    public String sendChat(String room, String text) {
        var checkedRoom = check(Names.room(room));
        var body = text(text);
        var cid = Outbox.newCid();
        run(() -> core.conversation().sendChat(cid, checkedRoom, body, null));
        return cid;
    }

    /// Shares a file already uploaded (see [#files()]) in `room`, with an optional caption, as a
    /// room message like any other: pending until acknowledged, resent after a reconnect.
    public String shareInRoom(String room, Message.FileInfo file, String caption) {
        var checkedRoom = check(Names.room(room));
        var shared = shared(file);
        var text = caption == null ? "" : caption.strip();
        var cid = Outbox.newCid();
        run(() -> core.conversation().sendChat(cid, checkedRoom, text, shared));
        return cid;
    }

    /// Shares an uploaded file privately with `to`; see [#shareInRoom].
    public String shareWith(String to, Message.FileInfo file, String caption) {
        var name = check(Names.clientId(to));
        var shared = shared(file);
        var text = caption == null ? "" : caption.strip();
        var cid = Outbox.newCid();
        run(() -> core.conversation().sendDm(cid, name, text, shared));
        return cid;
    }

    /// This connection's upload permission (`welcome.files`), or null while not connected or
    /// when the server takes no files (the seed's, a v1 server). A reconnect brings a new one.
    public Message.FileUploads fileUploads() {
        return core.fileUploads();
    }

    /// Uploads and downloads over HTTP to this client's server, trusting what the chat
    /// connection trusts (the pinned certificate for `wss://`).
    public FileTransfers files() {
        return FileTransfers.forServer(config.serverUri(), core.httpsContext());
    }

    /// Sends a private message; returns its `cid`.
    public String sendDm(String to, String text) {
        if (to == null || to.isBlank()) {
            throw new IllegalArgumentException("a private message needs a recipient");
        }
        var body = text(text);
        var cid = Outbox.newCid();
        run(() -> core.conversation().sendDm(cid, to.strip(), body, null));
        return cid;
    }

    /// Sends a failed message (see [ClientEvent.ChatFailed]) again, with the same `cid`.
    public void retry(String cid) {
        Objects.requireNonNull(cid, "cid");
        run(() -> core.conversation().retry(cid));
    }

    public void join(String room) {
        var checked = check(Names.room(room));
        run(() -> core.conversation().join(checked));
    }

    public void leave(String room) {
        var checked = check(Names.room(room));
        run(() -> {
            core.conversation().leave(checked);
            core.rosters().forget(checked);
        });
    }

    /// The members of `room` as the server last said (see [ClientEvent.PresenceUpdated]);
    /// empty for a room this client is not in, or with the seed's server. Any thread.
    public List<Message.Member> members(String room) {
        return core.rosters().members(room);
    }

    /// Shows this client as `online`, `away` or `dnd` ([Message.Member#STATUSES]) in its rooms,
    /// now and after every reconnect.
    public void status(String status) {
        if (!Message.Member.STATUSES.contains(status)) {
            throw new IllegalArgumentException("a status is one of " + Message.Member.STATUSES);
        }
        run(() -> core.status(status));
    }

    public void typing(String room) {
        var checked = check(Names.room(room));
        run(() -> {
            if (!core.seed()) { // the seed would answer with an error
                core.send(new Message.Typing(checked));
            }
        });
    }

    public void requestHistory(String room, Long after, Long before, Integer limit) {
        var checked = check(Names.room(room));
        var request = new Message.HistoryRequest(checked, after, before, limit);
        run(() -> core.conversation().requestHistory(request, core.ready()));
    }

    /// A page of the private conversation with `with` (by `seq`), answered as a
    /// [ClientEvent.HistoryPage] whose room is the conversation's id ([Line#privateWith]).
    public void requestConversationHistory(String with, Long after, Long before, Integer limit) {
        var name = check(Names.clientId(with));
        var request = new Message.HistoryRequest(Line.privateWith(name), after, before, limit);
        run(() -> core.conversation().requestHistory(request, core.ready()));
    }

    /// Tells `to` that this client is typing to it.
    public void typingTo(String to) {
        var name = check(Names.clientId(to));
        run(() -> {
            if (!core.seed()) {
                core.send(new Message.TypingTo(name));
            }
        });
    }

    /// Searches the stored messages of the rooms this client is in (of `room` alone unless
    /// null); answers with [ClientEvent.SearchResults] or [ClientEvent.SearchFailed].
    public void search(String query, String room) {
        if (query == null || query.isBlank()) {
            throw new IllegalArgumentException("a search needs some text");
        }
        var text = query.strip();
        if (text.codePointCount(0, text.length()) > Limits.MAX_SEARCH_CHARS) {
            throw new IllegalArgumentException("a search is at most " + Limits.MAX_SEARCH_CHARS + " characters");
        }
        var checkedRoom = room == null ? null : check(Names.room(room));
        run(() -> core.searches().search(text, checkedRoom));
    }

    public ConnectionState state() {
        return core.state();
    }

    /// The name the server gave this client (after `welcome`), else the one asked for.
    public String clientId() {
        return core.clientId();
    }

    /// Closes for good (reason CLOSED_BY_USER); pending messages stay failed. Idempotent.
    /// Waits up to a few seconds for the close to be sent, unless called from the listener.
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        loop.execute(core::close);
        loop.shutdown();
        // From the listener (the loop itself) waiting would deadlock; the close still happens.
        if (Thread.currentThread() != loopThread) {
            try {
                loop.awaitTermination(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void run(Runnable task) {
        if (closed) {
            throw new IllegalStateException("this ParleyClient is closed");
        }
        try {
            loop.execute(task);
        } catch (RejectedExecutionException e) {
            throw new IllegalStateException("this ParleyClient is closed", e);
        }
    }

    private static Message.FileInfo shared(Message.FileInfo file) {
        Objects.requireNonNull(file, "file");
        if (file.sha256() == null || !file.sha256().matches("[0-9a-fA-F]{64}") || file.name() == null || file.name().isBlank()) {
            throw new IllegalArgumentException("a shared file needs its sha256 and a name");
        }
        return new Message.FileInfo(file.sha256(), file.name(), null, file.mime(), null, null, null, null);
    }

    private static String text(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("a message needs some text");
        }
        return text;
    }

    private static String check(Checked<String> checked) {
        return switch (checked) {
            case Checked.Ok<String>(var value) -> value;
            case Checked.Refused<String>(var code, var message, var ref) -> throw new IllegalArgumentException(message);
        };
    }
}
