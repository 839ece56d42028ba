package dev.parley.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.protocol.ErrorCode;
import dev.parley.protocol.Limits;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 60, unit = TimeUnit.SECONDS)
class HandshakeTest {

    @Test
    void aTakenNameGetsASuffixAndWelcomeSaysSo() {
        try (var server = TestServers.start();
             var _ = WsClient.connect(server, "clientId=alice").joined();
             var second = WsClient.connect(server, "clientId=Alice");
             var third = WsClient.connect(server, "clientId=alice")) {
            var welcome = second.payload("welcome");
            assertThat(welcome.get("clientId").getAsString()).isEqualTo("Alice-2");
            assertThat(welcome.get("renamedFrom").getAsString()).isEqualTo("Alice");
            assertThat(third.payload("welcome").get("clientId").getAsString()).isEqualTo("alice-3");
        }
    }

    @Test
    void withoutANameTheServerPicksAGuestName() {
        try (var server = TestServers.start();
             var _ = WsClient.connect(server, "clientId=named&room=elsewhere&token=x").joined();
             var guest = WsClient.connect(server, "")) {
            // Nothing of the previous handshake carries over to this one.
            var welcome = guest.payload("welcome");
            assertThat(welcome.get("clientId").getAsString()).matches("guest-\\d+");
            assertThat(welcome.get("room").getAsString()).isEqualTo("lobby");
        }
    }

    @Test
    void aBadNameIsRefusedWithAnErrorThenClosed() {
        try (var server = TestServers.start(); var bad = WsClient.connect(server, "clientId=a\u0007b")) {
            assertThat(bad.payload("error").get("code").getAsString()).isEqualTo("name_invalid");
            assertThat(bad.closeCode()).isEqualTo(1008);
        }
    }

    @Test
    void aBadRoomIsRefused() {
        try (var server = TestServers.start(); var bad = WsClient.connect(server, "clientId=a&room=no/slashes")) {
            assertThat(bad.payload("error").get("code").getAsString()).isEqualTo("bad_message");
            assertThat(bad.closeCode()).isEqualTo(1008);
        }
    }

    @Test
    void thePasswordIsCheckedFromTheQueryOrTheBearerHeader() {
        try (var server = TestServers.start(ServerConfig.forTests().withPassword("s3cret"))) {
            try (var wrong = WsClient.connect(server, "clientId=a&token=nope")) {
                assertThat(wrong.payload("error").get("code").getAsString()).isEqualTo("auth_failed");
                assertThat(wrong.closeCode()).isEqualTo(1008);
            }
            try (var none = WsClient.connect(server, "clientId=b")) {
                assertThat(none.payload("error").get("code").getAsString()).isEqualTo("auth_failed");
            }
            try (var right = WsClient.connect(server, "clientId=c&token=s3cret")) {
                assertThat(right.payload("welcome").get("clientId").getAsString()).isEqualTo("c");
            }
            try (var bearer = WsClient.connect(server, "clientId=d", Map.of("Authorization", "Bearer s3cret"), true)) {
                assertThat(bearer.payload("welcome").get("clientId").getAsString()).isEqualTo("d");
            }
        }
    }

    @Test
    void afterTooManyWrongPasswordsEvenTheRightOneIsRefusedForAMinute() {
        var config = ServerConfig.forTests().withPassword("s3cret")
                .withLimits(Limits.DEFAULTS.withAuthTriesPerMinute(3));
        try (var server = TestServers.start(config)) {
            for (int i = 0; i < 3; i++) {
                try (var wrong = WsClient.connect(server, "clientId=a&token=guess" + i)) {
                    assertThat(wrong.payload("error").get("code").getAsString()).isEqualTo("auth_failed");
                }
            }
            try (var right = WsClient.connect(server, "clientId=a&token=s3cret")) {
                var error = right.payload("error");
                assertThat(error.get("code").getAsString()).isEqualTo("auth_failed");
                assertThat(error.get("message").getAsString()).contains("wait a minute");
            }
        }
    }

    @Test
    void aFullServerRefusesWithTryAgainLater() {
        var config = ServerConfig.forTests().withLimits(Limits.DEFAULTS.withConnections(2, 2));
        try (var server = TestServers.start(config);
             var one = WsClient.connect(server, "clientId=one").joined();
             var _ = WsClient.connect(server, "clientId=two").joined();
             var three = WsClient.connect(server, "clientId=three")) {
            assertThat(three.payload("error").get("code").getAsString()).isEqualTo("server_full");
            assertThat(three.closeCode()).isEqualTo(1013);
            one.assertOpen();
            assertThat(server.stats().connections()).isEqualTo(2);
        }
    }

    @Test
    void oneAddressCannotTakeEveryConnection() {
        var config = ServerConfig.forTests().withLimits(Limits.DEFAULTS.withConnections(10, 1));
        try (var server = TestServers.start(config);
             var _ = WsClient.connect(server, "clientId=one").joined();
             var two = WsClient.connect(server, "clientId=two")) {
            var error = two.payload("error");
            assertThat(error.get("code").getAsString()).isEqualTo(ErrorCode.SERVER_FULL.wire());
            assertThat(error.get("message").getAsString()).contains("127.0.0.1");
            assertThat(two.closeCode()).isEqualTo(1013);
        }
    }

    @Test
    void permessageDeflateIsNeverNegotiated() throws Exception {
        try (var server = TestServers.start();
             var socket = new Socket("127.0.0.1", server.port())) {
            socket.setSoTimeout(5_000);
            socket.getOutputStream().write(("GET /ws?clientId=zip HTTP/1.1\r\nHost: 127.0.0.1:" + server.port()
                    + "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"
                    + "Sec-WebSocket-Version: 13\r\nSec-WebSocket-Extensions: permessage-deflate; client_max_window_bits\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            var head = new StringBuilder();
            var in = socket.getInputStream();
            while (!head.toString().endsWith("\r\n\r\n")) {
                head.append((char) in.read());
            }
            assertThat(head.toString()).startsWith("HTTP/1.1 101").doesNotContainIgnoringCase("Sec-WebSocket-Extensions");
        }
    }
}
