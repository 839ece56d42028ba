package dev.parley.server;

import static dev.parley.server.NameClaimsTest.ALICE_KEY;
import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.protocol.Limits;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/// A history read past its budget is answered `too_busy` naming what was asked for (the `room`,
/// or the conversation it was `with`): a client may wait for several catch-ups at once, and
/// `ref` alone ("join", "history") cannot tell it which one to ask again.
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class HistoryBudgetTest {

    /// Gone before any read can start: every history read is over its budget.
    private static ParleyServer start() {
        return TestServers.start(ServerConfig.forTests()
                .withLimits(Limits.DEFAULTS.withRate(0, 0).withReadBudget(Duration.ofNanos(1))));
    }

    @Test
    void aRoomsHistoryPastItsBudgetIsRefusedNamingTheRoom() {
        try (var server = start();
             var alice = WsClient.connect(server, "clientId=alice&room=hall")) {
            var onJoin = alice.payload("error");
            assertThat(onJoin.get("code").getAsString()).isEqualTo("too_busy");
            assertThat(onJoin.get("ref").getAsString()).isEqualTo("join");
            assertThat(onJoin.get("room").getAsString()).isEqualTo("hall");

            alice.send("{\"type\":\"history\",\"payload\":{\"room\":\"hall\",\"after\":0}}");
            var asked = alice.payload("error");
            assertThat(asked.get("code").getAsString()).isEqualTo("too_busy");
            assertThat(asked.get("ref").getAsString()).isEqualTo("history");
            assertThat(asked.get("room").getAsString()).isEqualTo("hall");
            assertThat(asked.has("with")).isFalse();

            alice.send("{\"type\":\"ping\",\"payload\":{\"t\":1}}");
            assertThat(alice.payload("pong").get("t").getAsDouble()).as("the connection carries on").isEqualTo(1);
        }
    }

    @Test
    void aConversationPastItsBudgetIsRefusedNamingWhoItIsWith() {
        try (var server = start();
             var alice = NameClaimsTest.as(server, "alice", ALICE_KEY)) {
            alice.payload("error"); // the join's page
            alice.send("{\"type\":\"history\",\"payload\":{\"with\":\"Bob\",\"after\":0}}");
            var asked = alice.payload("error");
            assertThat(asked.get("code").getAsString()).isEqualTo("too_busy");
            assertThat(asked.get("with").getAsString()).isEqualTo("Bob");
            assertThat(asked.has("room")).isFalse();
        }
    }
}
