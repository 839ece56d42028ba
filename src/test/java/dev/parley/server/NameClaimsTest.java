package dev.parley.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import dev.parley.protocol.Limits;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/// design.md v2 "A name belongs to its device": a name used with a key is that key's; anyone
/// else gets `NAME-2` and nothing of the owner's, until the claim runs out.
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class NameClaimsTest {

    static final String ALICE_KEY = "alice-key-0123456789abcdef";
    static final String IMPOSTOR_KEY = "impostor-key-0123456789abcdef";
    static final String BOB_KEY = "bob-key-0123456789abcdefgh";

    @TempDir
    Path data;

    /// A clock the test moves forward.
    static final class TestClock extends Clock {
        private volatile Instant now = Instant.parse("2026-12-01T09:00:00Z");

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }

    static ParleyServer start(ServerConfig config, Clock clock) {
        try {
            return ParleyServer.start(config.withClock(clock).withNameClaimKeep(Duration.ofDays(90)));
        } catch (IOException failure) {
            throw new java.io.UncheckedIOException(failure);
        }
    }

    static ServerConfig sqlite(Path data) {
        return ServerConfig.forTests().withDataDir(data).withLimits(Limits.DEFAULTS.withRate(0, 0));
    }

    static WsClient as(ParleyServer server, String name, String key) {
        return WsClient.connect(server, "clientId=" + name, key == null ? Map.of() : Map.of("X-Parley-Key", key), true);
    }

    static void dm(WsClient from, String to, String text, String cid) {
        var payload = new JsonObject();
        payload.addProperty("to", to);
        payload.addProperty("text", text);
        payload.addProperty("cid", cid);
        from.send("{\"type\":\"dm\",\"payload\":" + payload + "}");
    }

    @Test
    void anImpostorGetsASuffixAndNothingOfTheOwnersAndTheOwnerGetsHerNameBack() throws InterruptedException {
        try (var server = start(sqlite(data), Clock.systemUTC())) {
            try (var alice = as(server, "alice", ALICE_KEY)) {
                var welcome = alice.payload("welcome");
                assertThat(welcome.get("clientId").getAsString()).isEqualTo("alice");
                assertThat(welcome.get("claimed").getAsBoolean()).isTrue();
                alice.next("history");
            }
            try (var bob = as(server, "bob", BOB_KEY).joined()) {
                dm(bob, "alice", "for alice only", "d1");
                assertThat(bob.payload("dm").get("seq").getAsLong()).isEqualTo(1);

                for (var key : new String[] {IMPOSTOR_KEY, null}) {
                    try (var impostor = as(server, "alice", key)) {
                        var welcome = impostor.payload("welcome");
                        // The keyed impostor claimed alice-2 for itself: the next one gets alice-3.
                        assertThat(welcome.get("clientId").getAsString()).isEqualTo(key != null ? "alice-2" : "alice-3");
                        assertThat(welcome.get("renamedFrom").getAsString()).isEqualTo("alice");
                        assertThat(welcome.get("claimed").getAsBoolean()).isEqualTo(key != null);
                        assertThat(welcome.getAsJsonArray("conversations")).isEmpty();
                        impostor.next("history");
                        impostor.send("{\"type\":\"history\",\"payload\":{\"with\":\"bob\"}}");
                        var answer = impostor.next();
                        while (answer.get("type").getAsString().equals("presence") || answer.get("type").getAsString().equals("system")) {
                            answer = impostor.next();
                        }
                        // A claimed impostor reads its own (empty) conversation; one without a key, none.
                        if (key != null) {
                            assertThat(answer.get("type").getAsString()).isEqualTo("history");
                            assertThat(answer.getAsJsonObject("payload").getAsJsonArray("messages")).isEmpty();
                        } else {
                            assertThat(answer.get("type").getAsString()).isEqualTo("error");
                        }
                        assertThat(impostor.quietFor("dm", 200)).isTrue();
                    }
                }
            }
            try (var alice = as(server, "alice", ALICE_KEY)) {
                var welcome = alice.payload("welcome");
                assertThat(welcome.get("clientId").getAsString()).isEqualTo("alice");
                assertThat(welcome.has("renamedFrom")).isFalse();
                var conversation = welcome.getAsJsonArray("conversations").get(0).getAsJsonObject();
                assertThat(conversation.get("with").getAsString()).isEqualTo("bob");
                assertThat(conversation.get("lastSeq").getAsLong()).isEqualTo(1);
                alice.next("history"); // the lobby's, after the handshake
                alice.send("{\"type\":\"history\",\"payload\":{\"with\":\"bob\",\"after\":0}}");
                var page = alice.payload("history");
                assertThat(page.get("with").getAsString()).isEqualTo("bob");
                var message = page.getAsJsonArray("messages").get(0).getAsJsonObject();
                assertThat(message.get("text").getAsString()).isEqualTo("for alice only");
                assertThat(message.get("to").getAsString()).isEqualTo("alice");
            }
        }
    }

    @Test
    void aClaimExpiresAfterItsDaysUnused() {
        var clock = new TestClock();
        try (var server = start(ServerConfig.forTests(), clock)) {
            try (var alice = as(server, "alice", ALICE_KEY)) {
                assertThat(alice.payload("welcome").get("claimed").getAsBoolean()).isTrue();
            }
            clock.advance(Duration.ofDays(89));
            try (var other = as(server, "alice", IMPOSTOR_KEY)) {
                assertThat(other.payload("welcome").get("clientId").getAsString()).isEqualTo("alice-2");
            }
            clock.advance(Duration.ofDays(91));
            try (var other = as(server, "alice", IMPOSTOR_KEY)) {
                var welcome = other.payload("welcome");
                assertThat(welcome.get("clientId").getAsString()).isEqualTo("alice");
                assertThat(welcome.get("claimed").getAsBoolean()).isTrue();
            }
            try (var former = as(server, "alice", ALICE_KEY)) {
                assertThat(former.payload("welcome").get("clientId").getAsString()).isEqualTo("alice-2");
            }
        }
    }

    @Test
    void theOwnerConnectingAgainTakesItsNameFromItsHalfOpenConnection() {
        try (var server = start(ServerConfig.forTests(), Clock.systemUTC());
             var first = as(server, "alice", ALICE_KEY).joined();
             var second = as(server, "alice", ALICE_KEY)) {
            assertThat(second.payload("welcome").get("clientId").getAsString()).isEqualTo("alice");
            assertThat(first.closeCode()).isEqualTo(1000);
        }
    }

    @Test
    void aKeyThatIsNotOneIsRefused() {
        try (var server = start(ServerConfig.forTests(), Clock.systemUTC());
             var client = as(server, "alice", "short")) {
            assertThat(client.payload("error").get("code").getAsString()).isEqualTo("name_invalid");
            assertThat(client.closeCode()).isEqualTo(1008);
        }
    }
}
