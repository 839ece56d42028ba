package dev.parley.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/// The page, its files, the status routes and the errors carry the headers that keep a browser
/// from sniffing, framing or loading foreign script (design.md, "Security").
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class SecurityHeadersTest {

    private static final ParleyServer SERVER = TestServers.start();

    @AfterAll
    static void stop() {
        SERVER.stop();
    }

    @ParameterizedTest
    @ValueSource(strings = {"/", "/index.html", "/parley.js", "/parley.css", "/healthz", "/metrics", "/nope.html"})
    void everyAnswerForbidsSniffingFramingAndForeignScript(String path) throws Exception {
        var host = "127.0.0.1:" + SERVER.port();
        var answer = RawHttp.get(SERVER.port(), path, "Host: " + host);
        assertThat(answer.headers()).containsEntry("x-content-type-options", "nosniff")
                .containsEntry("x-frame-options", "DENY");
        assertThat(answer.headers().get("content-security-policy"))
                .contains("default-src 'self'", "script-src 'self'", "object-src 'none'", "frame-ancestors 'none'",
                        "connect-src 'self' ws://" + host + " wss://" + host)
                .doesNotContain("unsafe-inline", "unsafe-eval");
    }
}
