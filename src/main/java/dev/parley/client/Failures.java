package dev.parley.client;

import dev.parley.protocol.ErrorCode;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.channels.UnresolvedAddressException;
import java.util.concurrent.TimeoutException;
import javax.net.ssl.SSLException;
import org.eclipse.jetty.websocket.core.exception.UpgradeException;

/// Why a connection failed or ended, read from Jetty's exception, the close code and the last
/// `error` the server sent before closing.
final class Failures {

    /// A reason and a short text for the user.
    record Outcome(DisconnectReason reason, String detail) {}

    private Failures() {}

    /// A connect attempt that never opened.
    static Outcome ofConnectFailure(Throwable error) {
        for (var cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof UpgradeException upgrade && upgrade.getResponseStatusCode() > 0) {
                return new Outcome(DisconnectReason.REFUSED,
                        "the server refused the connection (HTTP " + upgrade.getResponseStatusCode() + ")");
            }
            if (cause instanceof UnknownHostException || cause instanceof UnresolvedAddressException) {
                return new Outcome(DisconnectReason.UNREACHABLE, "unknown host");
            }
            if (cause instanceof ConnectException || cause instanceof NoRouteToHostException) {
                return new Outcome(DisconnectReason.UNREACHABLE, "nothing answers at that address");
            }
            if (cause instanceof SocketTimeoutException || cause instanceof TimeoutException) {
                return new Outcome(DisconnectReason.UNREACHABLE, "the server did not answer in time");
            }
            if (cause instanceof SSLException) {
                return new Outcome(DisconnectReason.REFUSED, "secure connection failed: " + cause.getMessage());
            }
        }
        return new Outcome(DisconnectReason.UNREACHABLE, "could not connect: " + error.getMessage());
    }

    /// An open connection that closed. `lastError` is the last `error` code received on it, or null.
    static Outcome ofClose(int code, String phrase, ErrorCode lastError, boolean roomClosing, boolean greeted) {
        var reason = phrase == null || phrase.isBlank() ? "" : ": " + phrase;
        if (lastError == ErrorCode.AUTH_FAILED) {
            return new Outcome(DisconnectReason.WRONG_PASSWORD, "wrong password");
        }
        if (lastError == ErrorCode.NAME_INVALID) {
            return new Outcome(DisconnectReason.NAME_INVALID, "the server refused this name" + reason);
        }
        if (lastError == ErrorCode.SERVER_FULL || code == 1013) {
            return new Outcome(DisconnectReason.SERVER_FULL, "the server is full");
        }
        if (code == 1008 && !greeted) {
            // Upgraded, then turned away for a reason we have no code for (a bad room name, …).
            return new Outcome(DisconnectReason.REFUSED, "the server refused the connection" + reason);
        }
        if (roomClosing || code == 1001) {
            return new Outcome(DisconnectReason.SERVER_CLOSED, "the host closed the room");
        }
        return new Outcome(DisconnectReason.LOST, "connection lost (close " + code + reason + ")");
    }

    /// Whether trying again could help. A refused handshake (403, 404) only becomes final when
    /// the address never worked: after a restart a server may briefly answer before its endpoint.
    static boolean isFinal(DisconnectReason reason, boolean everConnected) {
        return switch (reason) {
            case WRONG_PASSWORD, NAME_INVALID, CLOSED_BY_USER, CERTIFICATE_CHANGED -> true;
            case REFUSED -> !everConnected;
            case SERVER_FULL, UNREACHABLE, LOST, SERVER_CLOSED -> false;
        };
    }

    /// The `error` codes that, when a close follows, say why the server closed.
    static boolean decidesClose(ErrorCode code) {
        return code == ErrorCode.AUTH_FAILED || code == ErrorCode.NAME_INVALID || code == ErrorCode.SERVER_FULL;
    }
}
