package dev.parley.server;

import dev.parley.protocol.Checked;
import dev.parley.protocol.Codec;
import dev.parley.protocol.ErrorCode;
import dev.parley.protocol.Message;
import dev.parley.protocol.Message.AdvertisedLimits;
import dev.parley.protocol.Message.ServerInfo;
import dev.parley.protocol.Message.Welcome;
import dev.parley.server.files.FileStore;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import org.eclipse.jetty.websocket.core.CoreSession;

/// The chat itself, independent of Jakarta glue: admission, the lifecycle of a connection, and
/// each incoming frame (rate limit, decode, then [Requests]). The housekeeping of live
/// connections (pings, idle, flood and too-slow closes) is [Liveness]'s.
final class ChatService {

    sealed interface Opening {}

    record Opened(Connection connection, String room) implements Opening {}

    record Rejected(Admission.Refused refused) implements Opening {}

    /// The way in: who may connect, and where the attempts turned away are recorded.
    record Door(Admission admission, RefusalLog refusals, Visits visits) {}

    static final String VERSION = "1";

    private final ServerConfig config;
    private final Hub hub;
    private final Members members;
    private final Conversations conversations;
    private final Requests requests;
    private final FileStore files;
    private final Metrics metrics;
    private final ErrorReplies errors;
    private final Door door;
    private final Liveness liveness;
    private final Codec codec;

    /// `timer` and `log` serve the housekeeping of live connections ([Liveness]).
    ChatService(ServerConfig config, Hub hub, Members members, Conversations conversations, Requests requests,
            FileStore files, Metrics metrics, ErrorReplies errors, Door door, ScheduledExecutorService timer, ServerLog log) {
        this.config = config;
        this.hub = hub;
        this.members = members;
        this.conversations = conversations;
        this.requests = requests;
        this.files = files;
        this.metrics = metrics;
        this.errors = errors;
        this.door = door;
        this.liveness = new Liveness(timer, log, config.limits().idleTimeout(), members, this::closed);
        this.codec = new Codec(config.limits());
    }

    /// Pings and idle closes, for the server's timer.
    Liveness liveness() {
        return liveness;
    }

    Opening admit(Admission.Request request, CoreSession core, boolean loopback) {
        var verdict = door.admission().check(request);
        if (verdict instanceof Admission.Refused refused) {
            return new Rejected(refused);
        }
        var admitted = (Admission.Admitted) verdict;
        var limits = config.limits();
        var reserved = members.reserve(admitted.clientId(), request.key());
        var name = reserved.name();
        var connection = new Connection(core, name, request.address(), loopback, Instant.now().toString(),
                new RateLimiter(limits.messagesPerSecond(), limits.messagesBurst()), reserved.claimed(),
                reserved.claimed() ? name : admitted.clientId());
        // A member still reading a long backlog (a big room's list) answers our pings late: while
        // what we send keeps draining, it is not silent.
        connection.attach(new Outbox(core, limits.maxOutboundBytes(), metrics, () -> liveness.tooSlow(connection), connection::drained));
        if (reserved.replaced() != null) {
            liveness.replaced(reserved.replaced());
        }
        var listed = conversations.summaries(connection);
        members.register(connection);
        var welcome = new Welcome(name, admitted.room(), List.copyOf(hub.roomNames()),
                new ServerInfo(config.serverName(), VERSION),
                new AdvertisedLimits(limits.maxTextChars(), limits.maxFrameBytes(), limits.messagesPerSecond()),
                name.equals(admitted.clientId()) ? null : admitted.clientId(), reserved.claimed(), listed,
                new Message.FileUploads(files.limits().maxFileBytes(), files.tokens().issue(connection)));
        connection.send(welcome);
        conversations.topUp(connection, listed);
        return new Opened(connection, admitted.room());
    }

    /// After the endpoint's handlers are in place: the first room.
    void start(Connection connection, String room) {
        hub.join(connection, room);
    }

    void refusedConnection(Admission.Refused refused, String address) {
        metrics.refused(refused.code());
        door.refusals().refused(address, refused.code().wire());
        door.visits().refused(address, Visits.reasonOf(refused.code()), refused.message());
    }

    void onText(Connection connection, String text) {
        connection.heard();
        metrics.received();
        if (connection.isClosingForFlood()) {
            return; // told already; read and dropped so that the close can go out cleanly
        }
        var decoded = codec.decodeToServer(text);
        if (!withinRate(connection, decoded)) {
            return;
        }
        switch (decoded) {
            case Checked.Ok<Message.ToServer>(var message) -> requests.handle(connection, message);
            case Checked.Refused<Message.ToServer>(var code, var message, var ref) -> errors.refuse(connection, code, message, ref);
        }
    }

    private static String refOf(Message.ToServer message) {
        return switch (message) {
            case Message.SendChat chat when chat.cid() != null -> chat.cid();
            case Message.SendDm dm when dm.cid() != null -> dm.cid();
            default -> message.type();
        };
    }

    void onBinary(Connection connection) {
        connection.heard();
        metrics.received();
        if (connection.isClosingForFlood()) {
            return;
        }
        if (withinRate(connection, null)) {
            errors.refuse(connection, ErrorCode.BAD_MESSAGE, "binary frames are not supported; send JSON text", null);
        }
    }

    /// Takes a frame from the connection's rate limit, text or binary alike (a binary flood
    /// costs the server as much); when over it, says so and, for abuse, closes. `decoded` is
    /// null for a binary frame.
    private boolean withinRate(Connection connection, Checked<Message.ToServer> decoded) {
        var verdict = connection.takeFrame();
        if (verdict == RateLimiter.Verdict.ALLOWED) {
            return true;
        }
        // `ref` says which message was dropped, so a client knows what to send again.
        var ref = decoded instanceof Checked.Ok<Message.ToServer>(var message) ? refOf(message) : null;
        boolean abusive = verdict == RateLimiter.Verdict.ABUSIVE;
        errors.refuse(connection, ErrorCode.RATE_LIMITED, abusive ? "too many messages; closing" : "too many messages; slow down", ref);
        if (abusive) {
            liveness.closeWhenQuiet(connection);
        }
        return false;
    }

    /// Forgets a connection everywhere (once, however many callers): its name, rooms, upload
    /// token and admission slot.
    void closed(Connection connection) {
        if (members.remove(connection)) {
            hub.leaveAll(connection);
            files.tokens().revoke(connection);
            door.admission().release(connection.address);
        }
    }
}
