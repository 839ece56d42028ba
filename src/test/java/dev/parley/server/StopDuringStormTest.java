package dev.parley.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.protocol.Limits;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/// Connections that arrive while the server stops, in a storm of them (a restart while members
/// reconnect): each one is answered or closed, none is accepted and then left without an
/// answer. A connection so left hangs its client until the client gives up, and its socket stays
/// open in the process that hosted the server (the window's Host toggle restarts it in the same
/// process).
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class StopDuringStormTest {

    private static final int RESTARTS = 25;
    private static final int CALLERS = 6;
    /// Far longer than an answer takes on a loaded machine, far shorter than a client's own
    /// 30-second idle limit.
    private static final int ANSWER_WITHIN_MS = 8_000;

    @Test
    void everyConnectionThatArrivesWhileTheServerStopsIsAnsweredOrClosed() throws Exception {
        var config = ServerConfig.forTests().withLimits(Limits.DEFAULTS.withRate(0, 0));
        var server = ParleyServer.start(config);
        int port = server.port();
        var config2 = config.withPort(port);
        var running = new AtomicBoolean(true);
        List<String> hung = new CopyOnWriteArrayList<>();
        var answered = new LongAdder();
        var pool = Executors.newFixedThreadPool(CALLERS, Thread.ofPlatform().name("caller-", 0).daemon().factory());
        try {
            for (int c = 0; c < CALLERS; c++) {
                pool.execute(() -> {
                    while (running.get()) {
                        call(port, hung, answered);
                    }
                });
            }
            for (int r = 0; r < RESTARTS; r++) {
                long before = answered.sum();
                // Stop only while connections pour in, so that the stop meets some being accepted.
                for (int spin = 0; spin < 500 && answered.sum() < before + 50; spin++) {
                    Thread.sleep(10);
                }
                server.stop();
                server = ParleyServer.start(config2);
            }
        } finally {
            running.set(false);
            pool.shutdown();
            pool.awaitTermination(ANSWER_WITHIN_MS * 2L, TimeUnit.MILLISECONDS);
            server.stop();
        }
        assertThat(answered.sum()).as("connections answered").isGreaterThan(RESTARTS * 50L);
        assertThat(hung).as("connections accepted and then left without an answer").isEmpty();
    }

    /// One `GET /healthz`: answered, refused, reset or closed are all fine; silence is not.
    private static void call(int port, List<String> hung, LongAdder answered) {
        try (var socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 2_000);
            socket.setSoTimeout(ANSWER_WITHIN_MS);
            socket.getOutputStream().write(("GET /healthz HTTP/1.1\r\nHost: 127.0.0.1:" + port
                    + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
            try {
                socket.getInputStream().read();
                answered.increment();
            } catch (SocketTimeoutException silent) {
                hung.add(socket.getLocalSocketAddress() + ": no answer and no close in " + ANSWER_WITHIN_MS + " ms");
            }
        } catch (IOException refusedOrReset) {
            // Between the old server and the new one nothing listens: a refusal is an answer.
        }
    }
}
