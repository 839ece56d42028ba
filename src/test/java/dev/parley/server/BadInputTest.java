package dev.parley.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@Timeout(value = 60, unit = TimeUnit.SECONDS)
class BadInputTest {

    private static final ParleyServer SERVER = TestServers.start();

    @AfterAll
    static void stop() {
        SERVER.stop();
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', textBlock = """
            not json                                                  | bad_json
            {"type":"chat","payload":{"text":"x"}} trailing           | bad_json
            [1,2]                                                     | bad_message
            {"payload":{}}                                            | bad_message
            {"type":"shout","payload":{}}                             | bad_message
            {"type":"chat","payload":"hello"}                         | bad_message
            {"type":"chat","payload":{"text":"   "}}                  | bad_message
            {"type":"chat","payload":{"text":5}}                      | bad_message
            {"type":"join","payload":{"room":"a/b"}}                  | bad_message
            {"type":"dm","payload":{"text":"to nobody"}}              | bad_message
            {"type":"history","payload":{"room":"lobby","limit":0}}   | bad_message
            {"type":"history","payload":{"room":"lobby","limit":1e10000}} | bad_message
            {"type":"search","payload":{"query":"hi","limit":1e10000}} | bad_message
            {"type":"ping","payload":{"t":1e999}}                     | bad_message
            {"type":"chat","payload":{"text":"x","room":"nowhere"}}   | unknown_room
            {"type":"typing","payload":{"room":"nowhere"}}            | unknown_room
            """)
    void eachBadMessageGetsItsErrorAndTheConnectionStaysOpen(String frame, String code) throws Exception {
        try (var alice = WsClient.connect(SERVER, "clientId=alice").joined();
             var bob = WsClient.connect(SERVER, "clientId=bob").joined()) {
            alice.send(frame);
            assertThat(alice.payload("error").get("code").getAsString()).isEqualTo(code);
            alice.chat("still here");
            assertThat(bob.payload("chat").get("text").getAsString()).isEqualTo("still here");
            alice.assertOpen();
        }
    }

    @Test
    void tooLongTextIsRefusedAndNothingIsStored() throws Exception {
        try (var alice = WsClient.connect(SERVER, "clientId=alice&room=long").joined()) {
            alice.send("{\"type\":\"chat\",\"payload\":{\"text\":\"" + "x".repeat(4001) + "\",\"cid\":\"big\"}}");
            var error = alice.payload("error");
            assertThat(error.get("code").getAsString()).isEqualTo("too_large");
            assertThat(error.get("ref").getAsString()).isEqualTo("big");
            alice.send("{\"type\":\"history\",\"payload\":{\"room\":\"long\"}}");
            assertThat(alice.payload("history").getAsJsonArray("messages")).isEmpty();
        }
    }

    @Test
    void binaryFramesGetBadMessage() {
        try (var alice = WsClient.connect(SERVER, "clientId=alice").joined()) {
            alice.sendBinary(new byte[] {1, 2, 3});
            assertThat(alice.payload("error").get("code").getAsString()).isEqualTo("bad_message");
            alice.assertOpen();
        }
    }

    @Test
    void aFrameOverTheLimitClosesWith1009AndOthersCarryOn() {
        try (var alice = WsClient.connect(SERVER, "clientId=alice").joined();
             var bob = WsClient.connect(SERVER, "clientId=bob").joined()) {
            alice.send("{\"type\":\"chat\",\"payload\":{\"text\":\"" + "y".repeat(70_000) + "\"}}");
            assertThat(alice.closeCode()).isEqualTo(1009);
            try (var carol = WsClient.connect(SERVER, "clientId=carol").joined()) {
                carol.chat("fine");
                assertThat(bob.payload("chat").get("text").getAsString()).isEqualTo("fine");
            }
        }
    }
}
