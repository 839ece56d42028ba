package dev.parley.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.protocol.Limits;
import java.util.ArrayList;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/// The wrong-password limit holds against handshakes made all at once: checking it and
/// counting a try are one step, so parallel guesses cannot all pass the check first.
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class AuthRaceTest {

    private static final int TRIES = 5;
    private static final int GUESSES = 60;

    @Test
    void sixtyParallelGuessesGetAtMostFiveRealChecks() throws Exception {
        var config = ServerConfig.forTests().withPassword("s3cret")
                .withLimits(Limits.DEFAULTS.withAuthTriesPerMinute(TRIES).withConnections(1_000, 100));
        try (var server = TestServers.start(config);
             var threads = Executors.newFixedThreadPool(GUESSES)) {
            var go = new CountDownLatch(1);
            var answers = new ArrayList<CompletableFuture<String>>();
            for (int i = 0; i < GUESSES; i++) {
                var guess = "guess" + i;
                answers.add(CompletableFuture.supplyAsync(() -> {
                    try {
                        go.await();
                    } catch (InterruptedException interrupted) {
                        Thread.currentThread().interrupt();
                    }
                    try (var client = WsClient.connect(server, "clientId=g&token=" + guess)) {
                        return client.payload("error").get("message").getAsString();
                    }
                }, threads));
            }
            go.countDown();
            var checked = answers.stream().map(CompletableFuture::join).filter("wrong password"::equals).count();
            assertThat(checked).as("passwords really compared").isLessThanOrEqualTo(TRIES);
            try (var right = WsClient.connect(server, "clientId=owner&token=s3cret")) {
                assertThat(right.payload("error").get("code").getAsString()).isEqualTo("auth_failed");
            }
        }
    }

    @Test
    void aRightPasswordGivesItsTryBack() {
        var throttle = new AuthThrottle(2);
        for (int i = 0; i < 10; i++) {
            assertThat(throttle.tryCheck("10.0.0.1")).isTrue();
            throttle.passed("10.0.0.1");
        }
        assertThat(throttle.tryCheck("10.0.0.1")).isTrue();
        assertThat(throttle.tryCheck("10.0.0.1")).isTrue();
        assertThat(throttle.tryCheck("10.0.0.1")).as("two wrong ones used the minute's tries").isFalse();
        assertThat(throttle.tryCheck("10.0.0.2")).as("another address has its own").isTrue();
    }
}
