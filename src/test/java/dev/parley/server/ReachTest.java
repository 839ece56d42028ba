package dev.parley.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.parley.protocol.Limits;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/// What a host learns about who could not join (refusals by address and reason), the probe
/// the `/check` page sends, and the `/check` page itself.
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ReachTest {

    private final BlockingQueue<RefusedAttempt> refused = new LinkedBlockingQueue<>();
    private ParleyServer server;

    @AfterEach
    void stop() {
        server.stop();
    }

    private ParleyServer start(ServerConfig config) {
        server = TestServers.start(config);
        server.addRefusalListener(refused::add);
        return server;
    }

    private RefusedAttempt nextRefusal() throws InterruptedException {
        var attempt = refused.poll(WsClient.WAIT_SECONDS, TimeUnit.SECONDS);
        assertThat(attempt).as("a refused attempt was reported").isNotNull();
        return attempt;
    }

    @Test
    void aWrongPasswordAndAMissingOneReachTheListenerWithTheAddress() throws Exception {
        start(ServerConfig.forTests().withPassword("s3cret"));
        try (var wrong = WsClient.connect(server, "clientId=eve&token=guess")) {
            assertThat(wrong.closeCode()).isEqualTo(1008);
        }
        try (var none = WsClient.connect(server, "clientId=bob")) {
            assertThat(none.closeCode()).isEqualTo(1008);
        }

        var first = nextRefusal();
        assertThat(first.address()).isEqualTo("127.0.0.1");
        assertThat(first.reason()).isEqualTo(RefusedAttempt.Reason.PASSWORD);
        assertThat(first.detail()).isEqualTo("wrong password").doesNotContain("guess");
        assertThat(nextRefusal().detail()).isEqualTo("this room needs a password");
    }

    @Test
    void aForeignOriginAndAFullServerAreToldApart() throws Exception {
        start(ServerConfig.forTests().withLimits(Limits.DEFAULTS.withConnections(1, 1)));
        var failure = catchThrowable(() -> WsClient.connect(server, "clientId=x", Map.of("Origin", "http://evil.example"), true));
        assertThat(failure).isNotNull();
        var origin = nextRefusal();
        assertThat(origin.reason()).isEqualTo(RefusedAttempt.Reason.ORIGIN);
        assertThat(origin.detail()).contains("http://evil.example");

        try (var first = WsClient.connect(server, "clientId=ann").joined(); var second = WsClient.connect(server, "clientId=bob")) {
            assertThat(second.closeCode()).isEqualTo(1013);
            assertThat(nextRefusal().reason()).isEqualTo(RefusedAttempt.Reason.FULL);
        }
    }

    @Test
    void aProbeIsClosedNormallyAndNeverBecomesAMember() throws Exception {
        start(ServerConfig.forTests().withLimits(Limits.DEFAULTS.withConnections(1, 1)));
        try (var ann = WsClient.connect(server, "clientId=ann").joined();
             var probe = WsClient.connect(server, "probe=1&clientId=ghost")) {
            assertThat(probe.closeCode()).isEqualTo(1000);
            assertThat(probe.frames).isEmpty();
            var seen = new java.util.ArrayList<com.google.gson.JsonObject>();
            long until = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(300);
            for (long left; (left = until - System.nanoTime()) > 0; ) {
                var frame = ann.frames.poll(left, TimeUnit.NANOSECONDS);
                if (frame != null) {
                    seen.add(frame);
                }
            }
            assertThat(seen).as("nobody joined or left").noneMatch(frame -> frame.toString().contains("ghost"));
            assertThat(server.stats().connections()).isEqualTo(1);
        }
        assertThat(refused).as("a probe of a full server is not refused").isEmpty();
    }

    @Test
    void theCheckPageIsServedAndLoopbackIsNotAVisitFromTheNetwork() throws Exception {
        start(ServerConfig.forTests());
        var page = HttpRoutesTest.get(server, "/check");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("content-type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/html"));
        assertThat(page.body()).contains("check.js").doesNotContain("<script>");
        assertThat(HttpRoutesTest.get(server, "/check.js").statusCode()).isEqualTo(200);
        assertThat(server.lastVisitFromNetwork()).isNull();
    }
}
