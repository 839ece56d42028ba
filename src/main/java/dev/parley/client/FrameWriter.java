package dev.parley.client;

import jakarta.websocket.Session;
import java.util.ArrayDeque;

/// Sends one connection's text frames in order, one at a time (Jetty allows one outstanding
/// async write per session) and no faster than [Pacer] allows. Loop thread only.
final class FrameWriter {

    /// What a Parley server allows by default, until its `welcome` says otherwise.
    static final double DEFAULT_RATE = 20;

    private final Loop loop;
    private final ArrayDeque<String> queue = new ArrayDeque<>();
    private final Pacer pacer = new Pacer(DEFAULT_RATE, System.nanoTime());
    private Session session;
    private boolean writing;
    private boolean waiting;

    FrameWriter(Loop loop) {
        this.loop = loop;
    }

    /// The connection is open: what was queued before goes out now.
    void open(Session opened) {
        session = opened;
        pump();
    }

    void send(String text) {
        queue.add(text);
        pump();
    }

    /// The server's advertised rate (its `welcome`); <= 0 means unlimited.
    void pace(double messagesPerSecond) {
        pacer.setRate(messagesPerSecond);
    }

    private void pump() {
        var current = session;
        if (writing || waiting || queue.isEmpty() || current == null || !current.isOpen()) {
            return;
        }
        long wait = pacer.take(System.nanoTime());
        if (wait > 0) {
            waiting = true;
            loop.later(() -> {
                waiting = false;
                pump();
            }, wait);
            return;
        }
        writing = true;
        var text = queue.poll();
        try {
            current.getAsyncRemote().sendText(text, result -> loop.post(() -> {
                writing = false;
                pump();
            }));
        } catch (RuntimeException e) {
            writing = false; // closed under us; what was not written is resent from the outbox
        }
    }
}
