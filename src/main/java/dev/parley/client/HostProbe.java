package dev.parley.client;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/// Asks servers this user joined or typed before whether they are up, by unicast: LAN
/// announcements do not cross subnets or VPNs, a direct request does. Each round sends
/// `GET http://HOST:PORT/healthz` to every server (plain HTTP even for a `wss://` one: a TLS
/// Parley answers clear text with a redirect, which is answer enough and needs no certificate)
/// and reports only changes: up when a server first answers or its count changed, down after up.
public final class HostProbe implements AutoCloseable {

    /// Hears a server coming up (with its connection count, -1 when it did not say) or going down,
    /// on the probe's thread.
    public interface Listener {
        void up(URI server, int connections);

        void down(URI server);
    }

    private static final Pattern CONNECTIONS = Pattern.compile("\"connections\"\\s*:\\s*(\\d+)");

    private final List<URI> servers;
    private final Duration timeout;
    private final Listener listener;
    private final HttpClient http;
    private final ScheduledExecutorService timer;
    /// The servers that answered last time, with their connection count.
    private final Map<URI, Integer> answered = new ConcurrentHashMap<>();

    private HostProbe(List<URI> servers, Duration timeout, Listener listener) {
        this.servers = List.copyOf(servers);
        this.timeout = timeout;
        this.listener = listener;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NEVER).build();
        this.timer = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("parley-probe").daemon().factory());
    }

    /// Probes `servers` (their `ws://` or `wss://` addresses) now and every `every`, each
    /// request given up after `timeout`.
    public static HostProbe start(List<URI> servers, Duration every, Duration timeout, Listener listener) {
        var probe = new HostProbe(servers, timeout, listener);
        if (!probe.servers.isEmpty()) {
            probe.timer.scheduleWithFixedDelay(probe::round, 0, every.toMillis(), TimeUnit.MILLISECONDS);
        }
        return probe;
    }

    private void round() {
        var asked = servers.stream().map(server -> ask(server).thenAccept(connections -> heard(server, connections))).toList();
        try {
            CompletableFuture.allOf(asked.toArray(CompletableFuture[]::new)).get(timeout.toMillis() * 2, TimeUnit.MILLISECONDS);
        } catch (InterruptedException closing) {
            Thread.currentThread().interrupt();
        } catch (Exception slowOrFailed) {
            // Each request reports its own outcome; a round never outlives the next one.
        }
    }

    /// The connection count when the server answered (-1: it answered without one), null when not.
    private CompletableFuture<Integer> ask(URI server) {
        var authority = server.getRawAuthority();
        var path = server.getRawPath() == null ? "" : server.getRawPath().replaceFirst("/ws$", "");
        var request = HttpRequest.newBuilder(URI.create("http://" + authority + path + "/healthz")).timeout(timeout).GET().build();
        return http.sendAsync(request, HttpResponse.BodyHandlers.ofString()).handle((response, failure) -> {
            if (failure != null || response.statusCode() >= 500 || response.statusCode() == 404) {
                return null;
            }
            var matcher = CONNECTIONS.matcher(response.body());
            return response.statusCode() == 200 && matcher.find() ? Integer.parseInt(matcher.group(1)) : -1;
        });
    }

    private void heard(URI server, Integer connections) {
        if (connections == null) {
            if (answered.remove(server) != null) {
                listener.down(server);
            }
            return;
        }
        if (!connections.equals(answered.put(server, connections))) {
            listener.up(server, connections);
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
        http.shutdownNow();
    }
}
