package dev.parley.server;

import dev.parley.client.Backoff;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.eclipse.jetty.websocket.core.Configuration;
import org.eclipse.jetty.websocket.core.client.CoreClientUpgradeRequest;
import org.eclipse.jetty.websocket.core.client.WebSocketCoreClient;

/// Many members of one room (`PREFIX-0` … `PREFIX-(N-1)`) on Jetty's core WebSocket client,
/// spread over 127.0.0.1 … 127.0.0.A so that thousands of connections never run out of
/// ephemeral ports. A member whose connection ends reconnects as the real client does, after a
/// jittered [Backoff] wait. Loopback only. Public for the big-room benchmark.
public final class Crowd implements AutoCloseable {

    private static final Duration MIN_BACKOFF = Duration.ofMillis(500);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(30);
    /// How long the real client lets a handshake wait in silence before it gives it up and tries
    /// again (`SharedContainer.HANDSHAKE_SILENCE_MILLIS`).
    public static final Duration CLIENT_HANDSHAKE_SILENCE = Duration.ofSeconds(5);

    private final URI endpoint;
    private final String room;
    private final List<CrowdMember> members = new ArrayList<>();
    private final List<Backoff> backoffs = new ArrayList<>();
    private final List<WebSocketCoreClient> clients = new ArrayList<>();
    private final ScheduledExecutorService retries =
            Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("crowd-retry").daemon().factory());
    private final Semaphore handshakes;
    private volatile boolean closing;
    /// Successful handshakes, first ones and reconnects.
    public final LongAdder connects = new LongAdder();
    /// Handshakes that failed or were given up.
    public final LongAdder failedHandshakes = new LongAdder();
    private final java.util.concurrent.ConcurrentSkipListMap<String, LongAdder> closes = new java.util.concurrent.ConcurrentSkipListMap<>();

    /// `concurrency` handshakes at most at a time (a browser-like crowd, not a SYN flood); a
    /// handshake unanswered for [#CLIENT_HANDSHAKE_SILENCE] is given up, as the real client does.
    public Crowd(URI endpoint, String room, String prefix, int size, int sourceAddresses, int concurrency) throws Exception {
        this(endpoint, room, prefix, size, sourceAddresses, concurrency, CLIENT_HANDSHAKE_SILENCE);
    }

    /// Like the other, with a handshake given up after `handshakeSilence` without an answer: a
    /// test that must see a hung handshake as a failure gives it longer than it waits in all.
    public Crowd(URI endpoint, String room, String prefix, int size, int sourceAddresses, int concurrency,
            Duration handshakeSilence) throws Exception {
        this.endpoint = endpoint;
        this.room = room;
        this.handshakes = new Semaphore(concurrency);
        for (int a = 1; a <= sourceAddresses; a++) {
            var threads = new QueuedThreadPool(32, 4);
            threads.setName("crowd-" + a);
            threads.setDaemon(true);
            var http = new HttpClient();
            http.setExecutor(threads);
            http.setMaxConnectionsPerDestination(100_000);
            http.setBindAddress(new InetSocketAddress("127.0.0." + a, 0));
            // Until the upgrade only: an open WebSocket's idle limit is its session's.
            http.setIdleTimeout(handshakeSilence.toMillis());
            var client = new WebSocketCoreClient(http, null);
            client.start();
            clients.add(client);
        }
        for (int i = 0; i < size; i++) {
            members.add(new CrowdMember(i, prefix, this));
            backoffs.add(new Backoff(MIN_BACKOFF, MAX_BACKOFF, () -> ThreadLocalRandom.current().nextDouble()));
        }
    }

    /// Starts every member's first connection (returns once all handshakes have started).
    public void join() throws InterruptedException {
        for (var member : members) {
            connect(member);
        }
    }

    private void connect(CrowdMember member) throws InterruptedException {
        if (closing) {
            return;
        }
        handshakes.acquire();
        var uri = URI.create(endpoint + "?clientId=" + member.name + "&room=" + URLEncoder.encode(room, StandardCharsets.UTF_8));
        var client = clients.get(member.index % clients.size());
        var link = member.newLink();
        var request = CoreClientUpgradeRequest.from(client, uri, link);
        var config = new Configuration.ConfigurationCustomizer();
        // Whole frames: split ones would have to be put together again, at a cost per byte.
        config.setAutoFragment(false);
        config.setMaxFrameSize(16 * 1024 * 1024);
        config.setMaxTextMessageSize(16 * 1024 * 1024);
        // No idle limit once open, as the real client (its heartbeat watches the server instead):
        // Jetty's default idle time closed members of a big room whose reading had fallen behind,
        // and each came back to be sent the whole list again.
        config.setIdleTimeout(Duration.ZERO);
        request.setConfiguration(config);
        try {
            client.connect(request).whenComplete((session, failure) -> {
                handshakes.release();
                if (failure == null) {
                    connects.increment();
                    backoffs.get(member.index).reset();
                } else {
                    failedHandshakes.increment();
                    lost(member);
                }
            });
        } catch (Exception refused) {
            handshakes.release();
            lost(member);
        }
    }

    /// The member's connection ended or never came: try again after its backoff.
    void lost(CrowdMember member) {
        if (closing) {
            return;
        }
        Duration wait;
        synchronized (backoffs.get(member.index)) {
            wait = backoffs.get(member.index).next();
        }
        try {
            retries.schedule(() -> {
                try {
                    connect(member);
                } catch (InterruptedException stopping) {
                    Thread.currentThread().interrupt();
                }
            }, wait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.RejectedExecutionException stopping) {
            // Closing.
        }
    }

    /// A member's open connection ended with `code` (and `reason`).
    void closed(int code, String reason) {
        closes.computeIfAbsent(code + " " + reason, key -> new LongAdder()).increment();
    }

    /// How the members' open connections ended so far, by close code and reason.
    public String closes() {
        return closes.toString();
    }

    public int size() {
        return members.size();
    }

    /// Members whose current connection has heard from the server.
    public int greeted() {
        return (int) members.stream().filter(m -> m.greeted).count();
    }

    /// Members whose current connection has a full list that names exactly `expected`.
    public int seeing(BitSet expected) {
        return (int) members.stream().filter(m -> m.sees(expected)).count();
    }

    /// Members that were ever closed with 1008 (the slow-reader close, among others).
    public int closedByPolicy() {
        return (int) members.stream().filter(m -> m.closedSlow).count();
    }

    /// Everybody in the crowd, as the crowd's index set.
    public BitSet everybody() {
        var all = new BitSet();
        all.set(0, members.size());
        return all;
    }

    /// The crowd index set of `names` (names outside the crowd are left out).
    public BitSet indicesOf(List<String> names, String prefix) {
        var set = new BitSet();
        for (var name : names) {
            if (name.startsWith(prefix + "-")) {
                set.set(Integer.parseInt(name.substring(prefix.length() + 1)));
            }
        }
        return set;
    }

    @Override
    public void close() {
        closing = true;
        retries.shutdownNow();
        for (var member : members) {
            var session = member.session();
            if (session != null) {
                session.close(1000, "done", org.eclipse.jetty.util.Callback.NOOP);
            }
        }
        for (var client : clients) {
            try {
                client.stop();
                client.getHttpClient().stop();
            } catch (Exception ignored) {
                // Shutting down: the test or the benchmark ends next.
            }
        }
    }
}
