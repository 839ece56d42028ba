package dev.parley.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.google.gson.JsonParser;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocketHandshakeException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@Timeout(value = 60, unit = TimeUnit.SECONDS)
class HttpRoutesTest {

    /// Read before the server starts, so that no uptime it reports can honestly exceed the time since.
    private static final long BEFORE_START = System.nanoTime();
    private static final ParleyServer SERVER = TestServers.start();

    @AfterAll
    static void stop() {
        SERVER.stop();
    }

    static HttpResponse<String> get(ParleyServer server, String path) throws Exception {
        var uri = URI.create("http://127.0.0.1:" + server.port() + path);
        return WsClient.HTTP.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void healthzCountsConnectionsAndRooms() throws Exception {
        try (var _ = WsClient.connect(SERVER, "clientId=alice&room=health").joined()) {
            var response = get(SERVER, "/healthz");
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.headers().firstValue("content-type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
            var json = JsonParser.parseString(response.body()).getAsJsonObject();
            assertThat(json.get("connections").getAsInt()).isEqualTo(1);
            assertThat(json.get("rooms").getAsInt()).isEqualTo(1);
        }
    }

    @Test
    void healthzCountsUptimeInSecondsSinceTheServerStarted() throws Exception {
        // Waits for the first whole second, so that an uptime stuck at 0 fails as well as one
        // counted from anything before the server's start (a clock's epoch, the JVM's start).
        await().atMost(Duration.ofSeconds(10)).until(() -> uptimeSeconds() >= 1);
        long uptime = uptimeSeconds();
        assertThat(uptime).isBetween(1L, Duration.ofNanos(System.nanoTime() - BEFORE_START).toSeconds());
    }

    private static long uptimeSeconds() throws Exception {
        var body = get(SERVER, "/healthz").body();
        return JsonParser.parseString(body).getAsJsonObject().get("uptimeSeconds").getAsLong();
    }

    @Test
    void metricsAreInPrometheusTextFormat() throws Exception {
        try (var alice = WsClient.connect(SERVER, "clientId=alice&room=metrics").joined()) {
            alice.chat("counted");
            alice.next("chat");
            alice.send("nope");
            alice.next("error");
            var body = get(SERVER, "/metrics").body();
            assertThat(body).contains("# TYPE parley_connections gauge", "parley_connections 1",
                    "parley_refusals_total{code=\"bad_json\"}", "parley_broadcast_seconds_count",
                    "parley_broadcast_seconds_bucket{le=\"+Inf\"}", "parley_send_failures_total");
            assertThat(metric(body, "parley_messages_in_total")).isGreaterThanOrEqualTo(2);
            assertThat(metric(body, "parley_messages_out_total")).isGreaterThanOrEqualTo(5);
            assertThat(metric(body, "parley_refusals_total{code=\"bad_json\"}")).isGreaterThanOrEqualTo(1);
        }
    }

    private static double metric(String body, String name) {
        return body.lines().filter(line -> line.startsWith(name + " ")).mapToDouble(line ->
                Double.parseDouble(line.substring(name.length() + 1))).findFirst().orElseThrow();
    }

    @ParameterizedTest
    @ValueSource(strings = {"/nothing", "/ws/extra", "/index.html/..", "/web/index.html", "/healthz/x"})
    void otherPathsAre404(String path) throws Exception {
        assertThat(get(SERVER, path).statusCode()).isEqualTo(404);
    }

    @Test
    void filesUnderWebOnTheClassPathAreServed() throws Exception {
        var response = get(SERVER, "/probe.txt");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("served from the class path\n");
        assertThat(response.headers().firstValue("content-type")).hasValue("text/plain;charset=utf-8");
    }

    @Test
    void pathTraversalIsRefused() throws Exception {
        assertThat(get(SERVER, "/../etc/passwd").statusCode()).isIn(400, 404);
        assertThat(get(SERVER, "/%2e%2e/pom.xml").statusCode()).isIn(400, 404);
    }

    @Test
    void aForeignOriginIsRefusedWith403() {
        var failure = org.assertj.core.api.Assertions.catchThrowable(() ->
                WsClient.connect(SERVER, "clientId=evil", Map.of("Origin", "http://evil.example"), true));
        assertThat(failure).isInstanceOf(CompletionException.class).cause().isInstanceOf(WebSocketHandshakeException.class);
        var response = ((WebSocketHandshakeException) failure.getCause()).getResponse();
        assertThat(response.statusCode()).isEqualTo(403);
    }

    @Test
    void theServersOwnOriginIsAccepted() {
        var own = "http://127.0.0.1:" + SERVER.port();
        try (var page = WsClient.connect(SERVER, "clientId=page", Map.of("Origin", own), true)) {
            assertThat(page.payload("welcome").get("clientId").getAsString()).isEqualTo("page");
        }
    }

    @Test
    void allowedOriginsAreAccepted() {
        var config = ServerConfig.forTests().withAllowedOrigins(List.of("http://friend.example:8080/"));
        try (var server = TestServers.start(config);
             var friend = WsClient.connect(server, "clientId=f", Map.of("Origin", "http://FRIEND.example:8080"), true)) {
            assertThat(friend.payload("welcome").get("clientId").getAsString()).isEqualTo("f");
        }
        try (var server = TestServers.start(ServerConfig.forTests().withAllowedOrigins(List.of("*")));
             var anyone = WsClient.connect(server, "clientId=a", Map.of("Origin", "http://any.example"), true)) {
            assertThat(anyone.payload("welcome").get("clientId").getAsString()).isEqualTo("a");
        }
    }

    @Test
    void theOwnOriginIsTheHostHeadersAuthority() {
        // The guard compares Host and Origin; a port mismatch is a different origin.
        var guard = new OriginGuard(null, List.of(), (address, origin) -> {});
        assertThat(guard.allows("http://192.168.1.5:3001", "192.168.1.5:3001")).isTrue();
        assertThat(guard.allows("http://192.168.1.5", "192.168.1.5:80")).isTrue();
        assertThat(guard.allows("http://192.168.1.5:3002", "192.168.1.5:3001")).isFalse();
        assertThat(guard.allows("null", "192.168.1.5:3001")).isFalse();
    }
}
