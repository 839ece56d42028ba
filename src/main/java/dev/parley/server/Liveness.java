package dev.parley.server;

import java.time.Duration;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/// Housekeeping of live connections, on the server's timer: pings and the idle close, and the
/// closes the frame path decides but must not wait for (a flood, a reader too slow, a name
/// taken back by its owner). Each close first `forget`s the connection (its rooms and name are
/// free at once), then cuts the socket if even the close frame cannot get through.
final class Liveness {

    private static final long ABORT_AFTER_MS = 2_000;
    /// A flooding connection is closed once it has sent nothing for this long...
    private static final long FLOOD_QUIET_MS = 200;
    /// ...or this long after it was told, whichever comes first.
    private static final long FLOOD_CLOSE_WITHIN_MS = 2_000;

    private final ScheduledExecutorService timer;
    private final ServerLog log;
    private final Duration idleTimeout;
    private final Members members;
    private final Consumer<Connection> forget;

    Liveness(ScheduledExecutorService timer, ServerLog log, Duration idleTimeout, Members members,
            Consumer<Connection> forget) {
        this.timer = timer;
        this.log = log;
        this.idleTimeout = idleTimeout;
        this.members = members;
        this.forget = forget;
    }

    /// The owner connected again while its earlier connection was still here (half-open after a
    /// network change): that one leaves its rooms and is closed; the name is the new one's.
    void replaced(Connection old) {
        log.log(old.clientId + " connected again; the earlier connection is closed");
        forget.accept(old);
        old.close(1000, "connected again elsewhere");
        abortLater(old);
    }

    /// Closes a flooding connection with 1008 once it has stopped sending. Jetty treats 1008 as
    /// an abnormal close and ends the TCP connection as soon as the close frame is out; frames
    /// of the flood still unread at that moment make the kernel answer with a reset, which can
    /// destroy the error and the close frame before the client reads them. So the rest of the
    /// flood is read and dropped first, for up to [#FLOOD_CLOSE_WITHIN_MS]; a client that goes
    /// on flooding past that gets the close anyway. Only here: the server's other abnormal
    /// closes (too slow, idle, refused at the handshake) meet peers that are not sending.
    void closeWhenQuiet(Connection connection) {
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
            timer.schedule(() -> closeWhenQuiet(connection, deadline), wait, TimeUnit.NANOSECONDS);
        } catch (RejectedExecutionException stopping) {
            connection.abortIfOpen();
        }
    }

    /// The reader fell more than `maxOutboundBytes` behind: close it without waiting for it.
    void tooSlow(Connection connection) {
        try {
            timer.execute(() -> {
                log.log(connection.clientId + " was too slow to read; disconnected");
                forget.accept(connection);
                connection.close(Admission.POLICY, "too slow");
            });
            abortLater(connection);
        } catch (RejectedExecutionException stopping) {
            connection.abortIfOpen();
        }
    }

    /// Closes connections silent for longer than `idleTimeout` (a live peer answers our pings,
    /// a half-open one cannot), then pings the rest. Jetty's own idle timeout would not do:
    /// the pings themselves count as activity there.
    void pingAll() {
        long now = System.nanoTime();
        long idle = idleTimeout.toNanos();
        for (var connection : members.connections()) {
            if (idle > 0 && connection.idleNanos(now) > idle) {
                log.log(connection.clientId + " was silent too long; disconnected");
                forget.accept(connection);
                connection.close(1001, "idle");
                abortLater(connection);
            } else {
                connection.ping();
            }
        }
    }

    /// Cuts the socket if even the close frame cannot get through.
    private void abortLater(Connection connection) {
        timer.schedule(connection::abortIfOpen, ABORT_AFTER_MS, TimeUnit.MILLISECONDS);
    }
}
