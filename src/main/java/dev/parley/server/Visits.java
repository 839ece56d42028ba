package dev.parley.server;

import dev.parley.protocol.ErrorCode;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.CopyOnWriteArrayList;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/// Who reached the server, for a host asking "why can't they join?": each refused attempt goes
/// to the registered [RefusalListener]s, and the time of the last request from another machine
/// (not loopback) is kept, so that a silence can point at the firewall. Only HTTP requests and
/// handshakes pass here; chat frames never do.
final class Visits {

    private static final System.Logger LOG = System.getLogger(Visits.class.getName());

    private final CopyOnWriteArrayList<RefusalListener> listeners = new CopyOnWriteArrayList<>();
    private final Clock clock;
    private volatile Instant lastFromNetwork;

    Visits(Clock clock) {
        this.clock = clock;
    }

    void add(RefusalListener listener) {
        listeners.add(listener);
    }

    void remove(RefusalListener listener) {
        listeners.remove(listener);
    }

    /// When a request from another machine last arrived; null: none yet.
    Instant lastFromNetwork() {
        return lastFromNetwork;
    }

    void refused(String address, RefusedAttempt.Reason reason, String detail) {
        if (listeners.isEmpty()) {
            return;
        }
        var attempt = new RefusedAttempt(address, reason, detail, clock.instant());
        for (var listener : listeners) {
            try {
                listener.refused(attempt);
            } catch (RuntimeException broken) {
                // A listener's bug must not turn into a failed handshake.
                LOG.log(System.Logger.Level.WARNING, "a refusal listener failed", broken);
            }
        }
    }

    /// The reason a host reads for an admission refusal's error code.
    static RefusedAttempt.Reason reasonOf(ErrorCode code) {
        return switch (code) {
            case AUTH_FAILED -> RefusedAttempt.Reason.PASSWORD;
            case SERVER_FULL -> RefusedAttempt.Reason.FULL;
            default -> RefusedAttempt.Reason.INVALID;
        };
    }

    /// The outermost handler: notes requests from other machines, then passes every request on.
    Handler recorder(Handler next) {
        return new Handler.Wrapper(next) {
            @Override
            public boolean handle(Request request, Response response, Callback callback) throws Exception {
                if (request.getConnectionMetaData().getRemoteSocketAddress() instanceof InetSocketAddress remote
                        && remote.getAddress() != null && !remote.getAddress().isLoopbackAddress()) {
                    lastFromNetwork = clock.instant();
                }
                return super.handle(request, response, callback);
            }
        };
    }
}
