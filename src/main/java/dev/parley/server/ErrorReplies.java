package dev.parley.server;

import dev.parley.protocol.ErrorCode;
import dev.parley.protocol.Message;

/// Refuses a request: one `error` to its sender, counted in [Metrics]; the connection stays open.
final class ErrorReplies {

    private final Metrics metrics;

    ErrorReplies(Metrics metrics) {
        this.metrics = metrics;
    }

    void refuse(Connection connection, ErrorCode code, String message, String ref) {
        send(connection, new Message.Error(code, message, ref));
    }

    void send(Connection connection, Message.Error error) {
        metrics.refused(error.code());
        connection.send(error);
    }
}
