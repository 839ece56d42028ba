package dev.parley.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 60, unit = TimeUnit.SECONDS)
class RoomsTest {

    private final ParleyServer server = TestServers.start();

    @AfterEach
    void stop() {
        server.stop();
    }

    private static List<String> members(JsonObject presence) {
        return members(presence, "members");
    }

    private static List<String> members(JsonObject presence, String field) {
        var names = new ArrayList<String>();
        presence.getAsJsonArray(field).forEach(m -> names.add(m.getAsJsonObject().get("clientId").getAsString()));
        return names;
    }

    @Test
    void theHandshakeSendsWelcomeSystemPresenceAndHistory() {
        try (var alice = WsClient.connect(server, "clientId=alice&room=kitchen")) {
            var welcome = alice.next();
            assertThat(welcome.get("type").getAsString()).isEqualTo("welcome");
            var payload = welcome.getAsJsonObject("payload");
            assertThat(payload.get("clientId").getAsString()).isEqualTo("alice");
            assertThat(payload.get("room").getAsString()).isEqualTo("kitchen");
            assertThat(payload.getAsJsonArray("rooms").toString()).contains("lobby");
            assertThat(payload.getAsJsonObject("server").get("name").getAsString()).isEqualTo("Parley");
            assertThat(payload.getAsJsonObject("limits").get("maxTextChars").getAsInt()).isEqualTo(4000);
            assertThat(payload.has("renamedFrom")).isFalse();
            assertThat(alice.next("system").get("payload").getAsString()).isEqualTo("alice joined");
            var presence = alice.payload("presence");
            assertThat(presence.get("room").getAsString()).isEqualTo("kitchen");
            assertThat(members(presence)).containsExactly("alice");
            var history = alice.payload("history");
            assertThat(history.getAsJsonArray("messages")).isEmpty();
            assertThat(history.get("complete").getAsBoolean()).isTrue();
        }
    }

    @Test
    void joinsAndLeavesAreAnnouncedAndPresenceFollowsAsChanges() {
        try (var alice = WsClient.connect(server, "clientId=alice").joined()) {
            var bob = WsClient.connect(server, "clientId=bob").joined();
            assertThat(alice.next("system").get("payload").getAsString()).isEqualTo("bob joined");
            JsonObject joined;
            do { // alice's own arrival may come first (or with bob's): a change that changes nothing
                joined = alice.payload("presence");
                assertThat(joined.has("members")).as("never the whole list again").isFalse();
                assertThat(joined.getAsJsonArray("left")).isEmpty();
            } while (!members(joined, "joined").contains("bob"));
            bob.close();
            assertThat(alice.next("system").get("payload").getAsString()).isEqualTo("bob left");
            var left = alice.payload("presence");
            assertThat(left.getAsJsonArray("joined")).isEmpty();
            assertThat(left.getAsJsonArray("left").toString()).isEqualTo("[\"bob\"]");
        }
    }

    @Test
    void aStatusIsAChangeLikeAJoinAndAWrongOneIsRefused() {
        try (var alice = WsClient.connect(server, "clientId=alice").joined();
             var bob = WsClient.connect(server, "clientId=bob").joined()) {
            bob.send("{\"type\":\"status\",\"payload\":{\"status\":\"dnd\"}}");
            JsonObject change;
            do {
                change = alice.payload("presence");
            } while (!members(change, "joined").contains("bob")
                    || !change.getAsJsonArray("joined").toString().contains("\"status\":\"dnd\""));
            bob.send("{\"type\":\"status\",\"payload\":{\"status\":\"asleep\"}}");
            var error = bob.payload("error");
            assertThat(error.get("code").getAsString()).isEqualTo("bad_message");
            assertThat(error.get("ref").getAsString()).isEqualTo("status");
        }
    }

    @Test
    void addressesAreShownOnlyToConnectionsFromTheHostItself() {
        // Test clients connect over loopback, so they are "the host's own window".
        try (var alice = WsClient.connect(server, "clientId=alice")) {
            var member = alice.payload("presence").getAsJsonArray("members").get(0).getAsJsonObject();
            assertThat(member.get("address").getAsString()).isEqualTo("127.0.0.1");
            assertThat(member.get("since").getAsString()).isNotBlank();
        }
    }

    @Test
    void joinLeaveAndAnotherRoomsChat() throws Exception {
        try (var alice = WsClient.connect(server, "clientId=alice").joined();
             var bob = WsClient.connect(server, "clientId=bob").joined()) {
            assertThat(alice.next("system").get("payload").getAsString()).isEqualTo("bob joined");
            alice.send("{\"type\":\"join\",\"payload\":{\"room\":\"garden\"}}");
            assertThat(alice.next("system").get("payload").getAsString()).isEqualTo("alice joined");
            assertThat(alice.payload("history").get("room").getAsString()).isEqualTo("garden");
            alice.send("{\"type\":\"chat\",\"payload\":{\"text\":\"roses\",\"room\":\"garden\"}}");
            assertThat(alice.payload("chat").get("room").getAsString()).isEqualTo("garden");
            assertThat(bob.quietFor("chat", 300)).isTrue();

            alice.send("{\"type\":\"leave\",\"payload\":{\"room\":\"garden\"}}");
            alice.send("{\"type\":\"chat\",\"payload\":{\"text\":\"gone\",\"room\":\"garden\"}}");
            assertThat(alice.payload("error").get("code").getAsString()).isEqualTo("unknown_room");
            alice.send("{\"type\":\"leave\",\"payload\":{\"room\":\"garden\"}}");
            assertThat(alice.payload("error").get("code").getAsString()).isEqualTo("unknown_room");
            alice.send("{\"type\":\"history\",\"payload\":{\"room\":\"garden\"}}");
            assertThat(alice.payload("error").get("code").getAsString()).isEqualTo("unknown_room");
            alice.assertOpen();
        }
    }

    @Test
    void recentHistoryComesOnJoinAndPagesOnRequest() {
        try (var alice = WsClient.connect(server, "clientId=alice").joined()) {
            for (int i = 1; i <= 60; i++) {
                alice.chat("m" + i);
                alice.next("chat");
            }
            try (var bob = WsClient.connect(server, "clientId=bob")) {
                var recent = bob.payload("history").getAsJsonArray("messages");
                assertThat(recent).hasSize(50);
                assertThat(recent.get(0).getAsJsonObject().get("seq").getAsLong()).isEqualTo(11);
                assertThat(recent.get(49).getAsJsonObject().get("text").getAsString()).isEqualTo("m60");

                bob.send("{\"type\":\"history\",\"payload\":{\"room\":\"lobby\",\"after\":55}}");
                var page = bob.payload("history");
                assertThat(page.getAsJsonArray("messages")).hasSize(5);
                assertThat(page.get("complete").getAsBoolean()).isTrue();
                bob.send("{\"type\":\"history\",\"payload\":{\"room\":\"lobby\",\"before\":11,\"limit\":4}}");
                var older = bob.payload("history").getAsJsonArray("messages");
                assertThat(older).hasSize(4);
                assertThat(older.get(0).getAsJsonObject().get("seq").getAsLong()).isEqualTo(7);
            }
        }
    }

    @Test
    void aHistoryPageIsShortenedToFitOneFrame() {
        var limits = dev.parley.protocol.Limits.DEFAULTS.withRate(0, 0).withMaxFrameBytes(4_096).withMaxTextChars(1_000);
        try (var small = TestServers.start(ServerConfig.forTests().withLimits(limits));
             var alice = WsClient.connect(small, "clientId=alice").joined()) {
            for (int i = 1; i <= 20; i++) {
                alice.chat(i + " " + "w".repeat(900));
                alice.next("chat");
            }
            try (var bob = WsClient.connect(small, "clientId=bob")) {
                var history = bob.payload("history");
                var messages = history.getAsJsonArray("messages");
                assertThat(history.toString().length()).isLessThan(4_096);
                assertThat(history.get("complete").getAsBoolean()).isFalse();
                assertThat(messages.size()).isBetween(1, 4);
                assertThat(messages.get(messages.size() - 1).getAsJsonObject().get("seq").getAsLong()).isEqualTo(20);
            }
        }
    }
}
