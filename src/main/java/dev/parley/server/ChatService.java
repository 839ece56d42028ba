package dev.parley.server;

import dev.parley.protocol.Checked;
import dev.parley.protocol.Codec;
import dev.parley.protocol.ErrorCode;
import dev.parley.protocol.Message;
import dev.parley.protocol.Message.AdvertisedLimits;
import dev.parley.protocol.Message.ServerInfo;
import dev.parley.protocol.Message.Welcome;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.websocket.core.CoreSession;
import org.eclipse.jetty.websocket.core.Frame;
import org.eclipse.jetty.websocket.core.OpCode;

/// The chat itself, independent of Jakarta glue: admission, the lifecycle of a connection, and
/// each incoming frame (rate limit, decode, then [Requests]).
final class ChatService {

    sealed interface Opening {}

    record Opened(Connection connection, String room) implements Opening {}

    record Rejected(Admission.Refused refused) implements Opening {}

    static final String VERSION = "1";
    private static final long ABORT_AFTER_MS = 2_000;
    /// A flooding connection is closed once it has sent nothing for this long...
    private static final long FLOOD_QUIET_MS = 200;
    /// ...or this long after it was told, whichever comes first.
    private static final long FLOOD_CLOSE_WITHIN_MS = 2_000;

    final Hub hub;
    final Admission admission;
    private final Codec codec;
    private final Requests requests;
    private final RefusalLog refusals;
    private final Visits visits;

    ChatService(Hub hub, Admission admission, RefusalLog refusals, Visits visits) {
        this.hub = hub;
        this.admission = admission;
        this.refusals = refusals;
        this.visits = visits;
        this.codec = new Codec(hub.limits);
        this.requests = new Requests(hub);
    }

    Opening admit(Admission.Request request, CoreSession core, boolean loopback) {
        var verdict = admission.check(request);
        if (verdict instanceof Admission.Refused refused) {
            return new Rejected(refused);
        }
        var admitted = (Admission.Admitted) verdict;
        var limits = hub.limits;
        var placeholder = new Connection(null, admitted.clientId(), request.address(), loopback, null, null, false,
                admitted.clientId());
        var reserved = hub.reserveName(admitted.clientId(), request.key(), placeholder);
        var name = reserved.name();
        var connection = new Connection(core, name, request.address(), loopback, Instant.now().toString(),
                new RateLimiter(limits.messagesPerSecond(), limits.messagesBurst()), reserved.claimed(),
                reserved.claimed() ? name : admitted.clientId());
        // A member still reading a long backlog (a big room's list) answers our pings late: while
        // what we send keeps draining, it is not silent.
        connection.attach(new Outbox(core, limits.maxOutboundBytes(), hub.metrics, () -> tooSlow(connection), connection::drained));
        if (reserved.replaced() != null) {
            replaced(reserved.replaced());
        }
        var conversations = hub.conversations.summaries(connection);
        hub.register(connection);
        var welcome = new Welcome(name, admitted.room(), List.copyOf(hub.roomNames()),
                new ServerInfo(hub.config.serverName(), VERSION),
                new AdvertisedLimits(limits.maxTextChars(), limits.maxFrameBytes(), limits.messagesPerSecond()),
                name.equals(admitted.clientId()) ? null : admitted.clientId(), reserved.claimed(), conversations,
                new Message.FileUploads(hub.files.limits().maxFileBytes(), hub.files.tokens().issue(connection)));
        connection.send(welcome);
        hub.conversations.topUp(connection, conversations);
        return new Opened(connection, admitted.room());
    }

    /// The owner connected again while its earlier connection was still here (half-open after a
    /// network change): that one leaves its rooms and is closed; the name is the new one's.
    private void replaced(Connection old) {
        hub.log.log(old.clientId + " connected again; the earlier connection is closed");
        closed(old);
        old.core.close(1000, "connected again elsewhere", Callback.NOOP);
        abortLater(old);
    }

    /// After the endpoint's handlers are in place: the first room.
    void start(Connection connection, String room) {
        hub.join(connection, room);
    }

    void refusedConnection(Admission.Refused refused, String address) {
        hub.metrics.refused(refused.code());
        refusals.refused(address, refused.code().wire());
        visits.refused(address, Visits.reasonOf(refused.code()), refused.message());
    }

    void onText(Connection connection, String text) {
        connection.heard();
        hub.metrics.received();
        if (connection.isClosingForFlood()) {
            return; // told already; read and dropped so that the close can go out cleanly
        }
        var decoded = codec.decodeToServer(text);
        if (!withinRate(connection, decoded)) {
            return;
        }
        switch (decoded) {
            case Checked.Ok<Message.ToServer>(var message) -> requests.handle(connection, message);
            case Checked.Refused<Message.ToServer>(var code, var message, var ref) -> hub.refuse(connection, code, message, ref);
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
        hub.metrics.received();
        if (connection.isClosingForFlood()) {
            return;
        }
        if (withinRate(connection, null)) {
            hub.refuse(connection, ErrorCode.BAD_MESSAGE, "binary frames are not supported; send JSON text", null);
        }
    }

    /// Takes a frame from the connection's rate limit, text or binary alike (a binary flood
    /// costs the server as much); when over it, says so and, for abuse, closes. `decoded` is
    /// null for a binary frame.
    private boolean withinRate(Connection connection, Checked<Message.ToServer> decoded) {
        var verdict = connection.rate.take();
        if (verdict == RateLimiter.Verdict.ALLOWED) {
            return true;
        }
        // `ref` says which message was dropped, so a client knows what to send again.
        var ref = decoded instanceof Checked.Ok<Message.ToServer>(var message) ? refOf(message) : null;
        boolean abusive = verdict == RateLimiter.Verdict.ABUSIVE;
        hub.refuse(connection, ErrorCode.RATE_LIMITED, abusive ? "too many messages; closing" : "too many messages; slow down", ref);
        if (abusive) {
            closeWhenQuiet(connection);
        }
        return false;
    }


    /// Closes a flooding connection with 1008 once it has stopped sending. Jetty treats 1008 as
    /// an abnormal close and ends the TCP connection as soon as the close frame is out; frames
    /// of the flood still unread at that moment make the kernel answer with a reset, which can
    /// destroy the error and the close frame before the client reads them (1–6 % of floods of
    /// 100 frames did). So the rest of the flood is read and dropped first, for up to
    /// [#FLOOD_CLOSE_WITHIN_MS]; a client that goes on flooding past that gets the close anyway.
    /// Only here: the server's other abnormal closes (too slow, idle, refused at the handshake)
    /// meet peers that are not sending.
    private void closeWhenQuiet(Connection connection) {
        if (connection.startClosingForFlood()) {
            closeWhenQuiet(connection, System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(FLOOD_CLOSE_WITHIN_MS));
        }
    }

    /// Closes now if the connection has been quiet long enough or `deadline` passed; otherwise
    /// looks again when the one or the other could first be true.
    private void closeWhenQuiet(Connection connection, long deadline) {
        long now = System.nanoTime();
        long quietLeft = TimeUnit.MILLISECONDS.toNanos(FLOOD_QUIET_MS) - connection.silentNanos(now);
        long wait = Math.min(quietLeft, deadline - now);
        if (wait <= 0) {
            connection.closeAfterFlush(Admission.POLICY, "rate limit");
            abortLater(connection);
            return;
        }
        try {
            hub.timer.schedule(() -> closeWhenQuiet(connection, deadline), wait, TimeUnit.NANOSECONDS);
        } catch (RejectedExecutionException stopping) {
            connection.core.abort();
        }
    }

    /// The reader fell more than `maxOutboundBytes` behind: close it without waiting for it.
    private void tooSlow(Connection connection) {
        try {
            hub.timer.execute(() -> {
                hub.log.log(connection.clientId + " was too slow to read; disconnected");
                closed(connection);
                connection.core.close(Admission.POLICY, "too slow", Callback.NOOP);
            });
            abortLater(connection);
        } catch (RejectedExecutionException stopping) {
            connection.core.abort();
        }
    }

    /// Closes connections silent for longer than `idleTimeout` (a live peer answers our pings,
    /// a half-open one cannot), then pings the rest. Jetty's own idle timeout would not do:
    /// the pings themselves count as activity there.
    void pingAll() {
        long now = System.nanoTime();
        long idle = hub.limits.idleTimeout().toNanos();
        for (var connection : hub.connections) {
            if (idle > 0 && connection.idleNanos(now) > idle) {
                hub.log.log(connection.clientId + " was silent too long; disconnected");
                closed(connection);
                connection.core.close(1001, "idle", Callback.NOOP);
                abortLater(connection);
            } else {
                connection.core.sendFrame(new Frame(OpCode.PING), Callback.NOOP, false);
            }
        }
    }

    /// Cuts the socket if even the close frame cannot get through.
    private void abortLater(Connection connection) {
        hub.timer.schedule(() -> {
            if (!connection.core.isClosed()) {
                connection.core.abort();
            }
        }, ABORT_AFTER_MS, TimeUnit.MILLISECONDS);
    }

    void closed(Connection connection) {
        if (hub.disconnect(connection)) {
            hub.files.tokens().revoke(connection);
            admission.release(connection.address);
        }
    }
}
