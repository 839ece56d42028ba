package dev.parley.client;

import jakarta.websocket.ClientEndpointConfig;
import jakarta.websocket.CloseReason;
import jakarta.websocket.Endpoint;
import jakarta.websocket.EndpointConfig;
import jakarta.websocket.MessageHandler;
import jakarta.websocket.PongMessage;
import jakarta.websocket.Session;
import jakarta.websocket.WebSocketContainer;
import java.net.URI;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ScheduledExecutorService;
import org.eclipse.jetty.ee10.websocket.jakarta.common.JakartaWebSocketSession;

/// One WebSocket connection attempt. Jetty's callbacks are handed to the client's loop
/// executor at once, so everything the [Handler] sees happens on that one thread, in order.
/// Writes go through a [FrameWriter].
final class Connection extends Endpoint {

    /// Called on the loop thread.
    interface Handler {
        void opened(Connection connection);

        void text(Connection connection, String text);

        void pong(Connection connection);

        void closed(Connection connection, int code, String reason);

        void failed(Connection connection, Throwable error);
    }

    /// Bytes read at a time (see onOpen).
    static final int READ_BUFFER_BYTES = 1024;

    private final Loop loop;
    private final Handler handler;
    private final FrameWriter writer;
    private volatile Session session;
    private volatile boolean cancelled;

    private Connection(ScheduledExecutorService executor, Handler handler) {
        this.loop = new Loop(executor);
        this.handler = handler;
        this.writer = new FrameWriter(loop);
    }

    /// Starts connecting on a virtual thread (Jakarta's `connectToServer` blocks) and returns.
    static Connection open(WebSocketContainer container, URI uri, Map<String, List<String>> headers,
                           ScheduledExecutorService loop, Handler handler) {
        var connection = new Connection(loop, handler);
        var config = ClientEndpointConfig.Builder.create()
                .configurator(new ClientEndpointConfig.Configurator() {
                    @Override
                    public void beforeRequest(Map<String, List<String>> request) {
                        request.putAll(headers);
                    }
                })
                .build();
        Thread.ofVirtual().name("parley-connect").start(() -> {
            try {
                container.connectToServer(connection, config, uri);
            } catch (Exception | LinkageError e) {
                connection.loop.post(() -> handler.failed(connection, e));
            }
        });
        return connection;
    }

    @Override
    public void onOpen(Session opened, EndpointConfig config) {
        this.session = opened;
        if (cancelled) {
            // The client was closed while this connect was on its way: nobody will use it.
            close(1000, "closed");
            return;
        }
        opened.setMaxTextMessageBufferSize(SharedContainer.MAX_TEXT_MESSAGE_BYTES);
        if (opened instanceof JakartaWebSocketSession jetty) {
            // Read 1 KiB at a time: Jetty starts each received text message in a buffer of this
            // size, whose default made garbage of many times each chat line under a flood.
            jetty.getCoreSession().setInputBufferSize(READ_BUFFER_BYTES);
        }
        opened.addMessageHandler(String.class, (MessageHandler.Whole<String>) text -> loop.post(() -> handler.text(this, text)));
        opened.addMessageHandler(PongMessage.class, (MessageHandler.Whole<PongMessage>) pong -> loop.post(() -> handler.pong(this)));
        loop.post(() -> {
            writer.open(opened);
            handler.opened(this);
        });
    }

    @Override
    public void onClose(Session closed, CloseReason reason) {
        int code = reason.getCloseCode().getCode();
        loop.post(() -> handler.closed(this, code, reason.getReasonPhrase()));
    }

    @Override
    public void onError(Session failed, Throwable error) {
        // Jetty calls onClose after onError for an open session; the close carries the outcome.
        System.getLogger(Connection.class.getName()).log(System.Logger.Level.DEBUG, "websocket error", error);
    }

    /// Queues one text frame. Loop thread only.
    void send(String text) {
        writer.send(text);
    }

    /// A protocol-level ping; any server answers it with a pong frame (the seed's Bun too).
    void sendPing() {
        var current = session;
        if (current != null && current.isOpen()) {
            try {
                current.getAsyncRemote().sendPing(ByteBuffer.allocate(0));
            } catch (Exception | Error ignored) {
                // A dying connection; the watchdog or onClose will report it.
            }
        }
    }

    /// The server's advertised rate (its `welcome`); <= 0 means unlimited.
    void pace(double messagesPerSecond) {
        writer.pace(messagesPerSecond);
    }

    /// Closes politely with a close frame; never blocks the caller.
    void close(int code, String reason) {
        var current = session;
        if (current == null) {
            return;
        }
        Thread.ofVirtual().name("parley-close").start(() -> {
            try {
                current.close(new CloseReason(CloseReason.CloseCodes.getCloseCode(code), reason));
            } catch (Exception | Error ignored) {
                abort();
            }
        });
    }

    /// Closes with a close frame and waits (briefly) until it is written: used by
    /// [ParleyClient#close], so the server sees a clean leave before Jetty stops.
    void closeNow(int code, String reason) {
        cancelled = true;
        var current = session;
        if (current == null) {
            return;
        }
        try {
            current.close(new CloseReason(CloseReason.CloseCodes.getCloseCode(code), reason));
        } catch (Exception | Error e) {
            abort();
        }
    }

    /// Drops the connection without a close handshake (a dead peer would never answer one).
    void abort() {
        if (session instanceof JakartaWebSocketSession jetty) {
            jetty.getCoreSession().abort();
        }
    }
}
