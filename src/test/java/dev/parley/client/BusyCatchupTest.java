package dev.parley.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.parley.protocol.ErrorCode;
import dev.parley.protocol.Limits;
import dev.parley.server.ParleyServer;
import dev.parley.server.ServerConfig;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/// A catch-up the server is too busy to answer is asked again after a backoff, against a real
/// server whose read budget is gone before any read starts (so every history read is refused).
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class BusyCatchupTest {

    private ParleyServer server;
    private final TestClients clients = new TestClients();

    @BeforeEach
    void start() throws Exception {
        server = ParleyServer.start(ServerConfig.forTests()
                .withLimits(Limits.DEFAULTS.withRate(0, 0).withReadBudget(Duration.ofNanos(1))));
    }

    @AfterEach
    void stop() {
        clients.close();
        server.stop();
    }

    @Test
    void aJoinsPageRefusedAsTooBusyIsAskedForAgainWithBackoff() {
        var alice = clients.connected(server.localUri(), "alice", "hall");
        // The join's page, then two retries: the first after 1-2 s, the next after 2-4 s.
        await("the catch-up asked again").atMost(Duration.ofSeconds(40)).pollInterval(Duration.ofMillis(100))
                .until(() -> alice.log().all(ClientEvent.Refused.class, r -> r.code() == ErrorCode.TOO_BUSY).size() >= 3);

        var refused = alice.log().all(ClientEvent.Refused.class, r -> r.code() == ErrorCode.TOO_BUSY);
        assertThat(refused).extracting(ClientEvent.Refused::ref).first().isEqualTo("join");
        assertThat(alice.client().state()).isEqualTo(ConnectionState.CONNECTED);
    }
}
