package dev.parley.bench;

import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.eclipse.jetty.websocket.core.Configuration;
import org.eclipse.jetty.websocket.core.client.CoreClientUpgradeRequest;
import org.eclipse.jetty.websocket.core.client.WebSocketCoreClient;

/// The generator's N connections. Loopback only; with `sourceAddresses` > 1 the connections
/// are spread over 127.0.0.1 … 127.0.0.A (one Jetty client bound to each) so that 10,000
/// connections never run out of ephemeral ports on one address.
final class Fleet implements AutoCloseable {

    private static final long CONNECT_DEADLINE_SECONDS = 120;

    final List<Receiver> receivers = new ArrayList<>();
    private final List<WebSocketCoreClient> clients = new ArrayList<>();
    /// Nanoseconds from the first connect to the last open.
    long connectNanos;

    /// Opens `count` connections, at most `concurrency` handshakes at a time.
    static Fleet open(LoadOptions options, Tally tally) throws Exception {
        var fleet = new Fleet();
        for (int a = 1; a <= options.sourceAddresses(); a++) {
            var threads = new QueuedThreadPool(64, 4);
            threads.setName("bench-client-" + a);
            threads.setDaemon(true);
            var http = new HttpClient();
            http.setExecutor(threads);
            http.setMaxConnectionsPerDestination(20_000);
            http.setBindAddress(new InetSocketAddress("127.0.0." + a, 0));
            var client = new WebSocketCoreClient(http, null);
            client.start();
            fleet.clients.add(client);
        }
        var gate = new Semaphore(options.connectConcurrency());
        var pending = new ArrayList<CompletableFuture<?>>();
        long start = System.nanoTime();
        for (int i = 0; i < options.clients(); i++) {
            var receiver = new Receiver(tally, options.senders());
            fleet.receivers.add(receiver);
            var uri = URI.create(options.url() + "?clientId=bench-" + i
                    + (options.roomPerClient() ? "&room=" + URLEncoder.encode("idle-" + i, StandardCharsets.UTF_8) : ""));
            var client = fleet.clients.get(i % fleet.clients.size());
            if (!gate.tryAcquire(CONNECT_DEADLINE_SECONDS, TimeUnit.SECONDS)) {
                throw new IllegalStateException("handshakes stalled: " + i + " of " + options.clients() + " open");
            }
            var request = CoreClientUpgradeRequest.from(client, uri, receiver);
            request.timeout(30, TimeUnit.SECONDS);
            // Whole frames only: a chat split over two reads would otherwise arrive in parts.
            var whole = new Configuration.ConfigurationCustomizer();
            whole.setAutoFragment(false);
            request.setConfiguration(whole);
            pending.add(client.connect(request).whenComplete((session, failure) -> {
                gate.release();
                if (failure != null) {
                    tally.connectFailures.increment();
                }
            }));
        }
        try {
            CompletableFuture.allOf(pending.toArray(CompletableFuture[]::new)).get(CONNECT_DEADLINE_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException someFailed) {
            // Counted per connection in connectFailures; the rest of the fleet still runs.
        }
        fleet.connectNanos = System.nanoTime() - start;
        return fleet;
    }

    int openCount() {
        int open = 0;
        for (var receiver : receivers) {
            var session = receiver.session;
            if (session != null && !session.isClosed()) {
                open++;
            }
        }
        return open;
    }

    /// Loss so far: for every receiver and sender, messages sent minus messages seen once.
    long missing(long[] sentPerSender) {
        long missing = 0;
        for (var receiver : receivers) {
            if (receiver.session == null) {
                continue;
            }
            for (int s = 0; s < sentPerSender.length; s++) {
                missing += sentPerSender[s] - receiver.unique[s];
            }
        }
        return missing;
    }

    @Override
    public void close() {
        for (var receiver : receivers) {
            receiver.closing = true;
            var session = receiver.session;
            if (session != null) {
                session.close(1000, "bench done", org.eclipse.jetty.util.Callback.NOOP);
            }
        }
        for (var client : clients) {
            try {
                client.stop();
                client.getHttpClient().stop();
            } catch (Exception ignored) {
                // Shutting down: the process or test ends next.
            }
        }
    }
}
