package dev.parley.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.protocol.Limits;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/// `--max-rooms`: a new room past the cap is refused with `too_many_rooms`; the connection
/// carries on, existing rooms and the default room stay open to join, and a room emptied frees
/// its place.
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class RoomCapTest {

    private static String join(String room) {
        return "{\"type\":\"join\",\"payload\":{\"room\":\"" + room + "\"}}";
    }

    @Test
    void aNewRoomPastTheCapIsRefusedAndAnEmptiedOneFreesItsPlace() {
        var limits = Limits.DEFAULTS.withRate(0, 0).withStorage(3, Limits.DEFAULTS.maxStoredMessages());
        try (var server = TestServers.start(ServerConfig.forTests().withLimits(limits));
             var alice = WsClient.connect(server, "clientId=alice&room=one").joined();
             var bob = WsClient.connect(server, "clientId=bob&room=two").joined();
             var carol = WsClient.connect(server, "clientId=carol&room=three").joined()) {
            alice.send(join("four"));
            var refused = alice.payload("error");
            assertThat(refused.get("code").getAsString()).isEqualTo("too_many_rooms");
            assertThat(refused.get("ref").getAsString()).isEqualTo("join");
            assertThat(server.stats().rooms()).isEqualTo(3);

            alice.send(join("two")).next("history");  // an existing room is fine
            alice.send(join("lobby")).next("history");  // and the default room always
            alice.chat("still here");
            assertThat(alice.payload("chat").get("text").getAsString()).isEqualTo("still here");

            alice.send("{\"type\":\"leave\",\"payload\":{\"room\":\"lobby\"}}");
            carol.send("{\"type\":\"leave\",\"payload\":{\"room\":\"three\"}}");
            org.awaitility.Awaitility.await().until(() -> server.stats().rooms() == 2);
            alice.send(join("four"));
            assertThat(alice.payload("history").get("room").getAsString()).isEqualTo("four");
            alice.assertOpen();
        }
    }

    @Test
    void aHandshakeIntoANewRoomPastTheCapIsAdmittedIntoNoRoom() {
        var limits = Limits.DEFAULTS.withRate(0, 0).withStorage(1, Limits.DEFAULTS.maxStoredMessages());
        try (var server = TestServers.start(ServerConfig.forTests().withLimits(limits));
             var alice = WsClient.connect(server, "clientId=alice&room=one").joined();
             var bob = WsClient.connect(server, "clientId=bob&room=two")) {
            assertThat(bob.payload("error").get("code").getAsString()).isEqualTo("too_many_rooms");
            bob.chat("where am I");
            assertThat(bob.payload("error").get("code").getAsString()).isEqualTo("unknown_room");
            bob.send(join("one")).next("history");
            bob.assertOpen();
        }
    }
}
