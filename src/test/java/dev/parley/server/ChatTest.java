package dev.parley.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ChatTest {

    private final ParleyServer server = TestServers.start();

    @AfterEach
    void stop() {
        server.stop();
    }

    @Test
    void chatReachesEveryMemberOfTheRoomAndOnlyThem() throws Exception {
        try (var alice = WsClient.connect(server, "clientId=alice").joined();
             var bob = WsClient.connect(server, "clientId=bob").joined();
             var carol = WsClient.connect(server, "clientId=carol&room=elsewhere").joined()) {
            alice.send("{\"type\":\"chat\",\"payload\":{\"text\":\" hello \",\"cid\":\"c1\"}}");

            var atBob = bob.payload("chat");
            assertThat(atBob.get("text").getAsString()).isEqualTo("hello");
            assertThat(atBob.get("from").getAsString()).isEqualTo("alice");
            assertThat(atBob.get("room").getAsString()).isEqualTo("lobby");
            assertThat(atBob.get("seq").getAsLong()).isEqualTo(1);
            assertThat(atBob.has("cid")).isFalse();
            assertThat(atBob.get("id").getAsString()).isNotBlank();
            assertThat(atBob.get("time").getAsString()).isNotBlank();

            var ack = alice.payload("chat");
            assertThat(ack.get("cid").getAsString()).isEqualTo("c1");
            assertThat(ack.get("id").getAsString()).isEqualTo(atBob.get("id").getAsString());
            assertThat(carol.quietFor("chat", 300)).isTrue();
        }
    }

    @Test
    void seqNumbersEachRoomWithoutGaps() {
        try (var alice = WsClient.connect(server, "clientId=alice").joined();
             var bob = WsClient.connect(server, "clientId=bob").joined()) {
            for (int i = 0; i < 50; i++) {
                (i % 2 == 0 ? alice : bob).chat("m" + i);
            }
            for (long seq = 1; seq <= 50; seq++) {
                assertThat(bob.payload("chat").get("seq").getAsLong()).isEqualTo(seq);
            }
        }
    }

    @Test
    void aRepeatedCidIsAnsweredWithTheOriginalToTheSenderOnly() throws Exception {
        try (var alice = WsClient.connect(server, "clientId=alice").joined();
             var bob = WsClient.connect(server, "clientId=bob").joined()) {
            var message = "{\"type\":\"chat\",\"payload\":{\"text\":\"once\",\"cid\":\"same\"}}";
            alice.send(message);
            var first = alice.payload("chat");
            bob.payload("chat");
            alice.send(message);
            var again = alice.payload("chat");
            assertThat(again.get("id").getAsString()).isEqualTo(first.get("id").getAsString());
            assertThat(again.get("seq").getAsLong()).isEqualTo(1);
            assertThat(again.get("cid").getAsString()).isEqualTo("same");
            assertThat(bob.quietFor("chat", 300)).isTrue();
        }
    }

    @Test
    void directMessagesReachSenderAndRecipientOnly() throws Exception {
        try (var alice = WsClient.connect(server, "clientId=alice").joined();
             var bob = WsClient.connect(server, "clientId=bob").joined();
             var carol = WsClient.connect(server, "clientId=carol").joined()) {
            alice.send("{\"type\":\"dm\",\"payload\":{\"to\":\"bob\",\"text\":\"psst\",\"cid\":\"d1\"}}");
            var atBob = bob.payload("dm");
            assertThat(atBob.get("from").getAsString()).isEqualTo("alice");
            assertThat(atBob.get("to").getAsString()).isEqualTo("bob");
            assertThat(atBob.get("text").getAsString()).isEqualTo("psst");
            assertThat(atBob.has("cid")).isFalse();
            assertThat(alice.payload("dm").get("cid").getAsString()).isEqualTo("d1");
            assertThat(carol.quietFor("dm", 300)).isTrue();

            alice.send("{\"type\":\"dm\",\"payload\":{\"to\":\"nobody\",\"text\":\"hi\"}}");
            assertThat(alice.payload("error").get("code").getAsString()).isEqualTo("unknown_user");
        }
    }

    @Test
    void typingIsRelayedToTheOthersInTheRoom() throws Exception {
        try (var alice = WsClient.connect(server, "clientId=alice").joined();
             var bob = WsClient.connect(server, "clientId=bob").joined()) {
            alice.send("{\"type\":\"typing\",\"payload\":{\"room\":\"lobby\"}}");
            var typing = bob.payload("typing");
            assertThat(typing.get("from").getAsString()).isEqualTo("alice");
            assertThat(typing.get("room").getAsString()).isEqualTo("lobby");
            assertThat(alice.quietFor("typing", 200)).isTrue();
        }
    }

    @Test
    void pingIsAnsweredWithPong() {
        try (var alice = WsClient.connect(server, "clientId=alice").joined()) {
            alice.send("{\"type\":\"ping\",\"payload\":{\"t\":1700000000000}}");
            assertThat(alice.payload("pong").get("t").getAsLong()).isEqualTo(1700000000000L);
        }
    }
}
