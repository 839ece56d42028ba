package dev.parley.server.hardening;

import static dev.parley.server.hardening.RawWebSocket.BINARY;
import static dev.parley.server.hardening.RawWebSocket.CLOSE;
import static dev.parley.server.hardening.RawWebSocket.CONTINUATION;
import static dev.parley.server.hardening.RawWebSocket.PING;
import static dev.parley.server.hardening.RawWebSocket.PONG;
import static dev.parley.server.hardening.RawWebSocket.TEXT;
import static java.nio.charset.StandardCharsets.UTF_8;
import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.server.ParleyServer;
import dev.parley.server.ServerConfig;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/// RFC 6455 sections 5–7 over a plain socket: every violation gets its close code, and the
/// server goes on serving a bystander who is connected all along.
@Timeout(value = 60, unit = SECONDS)
class FrameConformanceTest {

    private static ParleyServer server;
    private static RawWebSocket bystander;
    private static int bystanderLine;

    @BeforeAll
    static void start() throws Exception {
        server = ParleyServer.start(ServerConfig.forTests());
        bystander = open("bystander");
    }

    @AfterAll
    static void stop() throws IOException {
        bystander.close();
        server.stop();
    }

    static RawWebSocket open(String name) throws IOException {
        var socket = RawWebSocket.connect(server.port(), "/ws?clientId=" + name);
        assertThat(socket.status).isEqualTo(101);
        socket.readTextContaining("\"welcome\"");
        return socket;
    }

    @AfterEach
    void theBystanderStillChats() throws IOException {
        var text = "still here " + (++bystanderLine);
        bystander.sendText("{\"type\":\"chat\",\"payload\":{\"text\":\"" + text + "\"}}");
        assertThat(bystander.readTextContaining(text).text()).contains("\"from\":\"bystander\"");
    }

    interface Violation {
        void commit(RawWebSocket socket) throws IOException;
    }

    static Stream<Arguments> violations() {
        byte[] badUtf8 = {(byte) 0xCE, (byte) 0xBA, (byte) 0xE1, (byte) 0xBD, (byte) 0xB9, (byte) 0xCF, (byte) 0x83,
            (byte) 0xCE, (byte) 0xBC, (byte) 0xCE, (byte) 0xB5, (byte) 0xED, (byte) 0xA0, (byte) 0x80};
        return Stream.of(
                Arguments.of("unmasked client frame", 1002, (Violation) s -> s.send(true, 0, TEXT, "{}".getBytes(UTF_8), false)),
                Arguments.of("RSV1 without an extension", 1002, (Violation) s -> s.send(true, 4, TEXT, "{}".getBytes(UTF_8), true)),
                Arguments.of("RSV2", 1002, (Violation) s -> s.send(true, 2, TEXT, "{}".getBytes(UTF_8), true)),
                Arguments.of("RSV3", 1002, (Violation) s -> s.send(true, 1, TEXT, "{}".getBytes(UTF_8), true)),
                Arguments.of("reserved data opcode 3", 1002, (Violation) s -> s.send(true, 0, 0x3, new byte[0], true)),
                Arguments.of("reserved data opcode 7", 1002, (Violation) s -> s.send(true, 0, 0x7, new byte[0], true)),
                Arguments.of("reserved control opcode 0xB", 1002, (Violation) s -> s.send(true, 0, 0xB, new byte[0], true)),
                Arguments.of("reserved control opcode 0xF", 1002, (Violation) s -> s.send(true, 0, 0xF, new byte[0], true)),
                Arguments.of("ping over 125 bytes", 1002, (Violation) s -> s.send(true, 0, PING, new byte[126], true)),
                Arguments.of("close over 125 bytes", 1002, (Violation) s -> s.send(true, 0, CLOSE, closePayload(1000, "x".repeat(130)), true)),
                Arguments.of("fragmented ping", 1002, (Violation) s -> s.send(false, 0, PING, "a".getBytes(UTF_8), true)),
                Arguments.of("continuation with nothing to continue", 1002, (Violation) s -> s.send(true, 0, CONTINUATION, "x".getBytes(UTF_8), true)),
                Arguments.of("new message inside a fragmented one", 1002, (Violation) s -> {
                    s.send(false, 0, TEXT, "{\"type\":".getBytes(UTF_8), true);
                    s.send(true, 0, TEXT, "{}".getBytes(UTF_8), true);
                }),
                Arguments.of("invalid UTF-8 in a text frame", 1007, (Violation) s -> s.send(true, 0, TEXT, badUtf8, true)),
                Arguments.of("invalid UTF-8 across fragments", 1007, (Violation) s -> {
                    s.send(false, 0, TEXT, Arrays.copyOf(badUtf8, 7), true);
                    s.send(true, 0, CONTINUATION, Arrays.copyOfRange(badUtf8, 7, badUtf8.length), true);
                }),
                Arguments.of("close code 0", 1002, (Violation) s -> s.send(true, 0, CLOSE, closePayload(0, ""), true)),
                Arguments.of("close code 999", 1002, (Violation) s -> s.send(true, 0, CLOSE, closePayload(999, ""), true)),
                Arguments.of("close code 1004", 1002, (Violation) s -> s.send(true, 0, CLOSE, closePayload(1004, ""), true)),
                Arguments.of("close code 1005", 1002, (Violation) s -> s.send(true, 0, CLOSE, closePayload(1005, ""), true)),
                Arguments.of("close code 1006", 1002, (Violation) s -> s.send(true, 0, CLOSE, closePayload(1006, ""), true)),
                Arguments.of("close code 1015", 1002, (Violation) s -> s.send(true, 0, CLOSE, closePayload(1015, ""), true)),
                Arguments.of("close code 5000", 1002, (Violation) s -> s.send(true, 0, CLOSE, closePayload(5000, ""), true)),
                Arguments.of("close with a one-byte payload", 1002, (Violation) s -> s.send(true, 0, CLOSE, new byte[] {3}, true)),
                Arguments.of("one text frame over 64 KiB", 1009, (Violation) s -> s.send(true, 0, TEXT, new byte[64 * 1024 + 1], true)),
                Arguments.of("a header declaring 2^62 bytes", 1009, (Violation) s -> {
                    s.sendHeader(true, 0, TEXT, 1L << 62, true);
                    s.sendMaskKeyOnly();
                }));
    }

    static byte[] closePayload(int code, String reason) {
        var text = reason.getBytes(UTF_8);
        return ByteBuffer.allocate(2 + text.length).putShort((short) code).put(text).array();
    }

    @ParameterizedTest(name = "{0} → close {1}")
    @MethodSource("violations")
    void aViolationClosesWithItsCode(String what, int expectedCode, Violation violation) throws IOException {
        try (var socket = open("violator")) {
            violation.commit(socket);
            var close = socket.readUntil(CLOSE);
            assertThat(close).as("a close frame answers " + what).isNotNull();
            assertThat(close.closeCode()).as(what).isEqualTo(expectedCode);
        }
    }

    @Test
    void seventyThousandTinyFragmentsHitTheMessageLimit() throws Exception {
        try (var socket = open("fragmenter")) {
            // Written from another thread: the server closes midway and this side keeps writing.
            var writer = Thread.ofVirtual().start(() -> {
                try {
                    socket.send(false, 0, TEXT, new byte[] {' '}, true);
                    for (int i = 1; i < 69_999; i++) {
                        socket.send(false, 0, CONTINUATION, new byte[] {' '}, true);
                    }
                    socket.send(true, 0, CONTINUATION, new byte[] {' '}, true);
                } catch (IOException closedByServer) {
                    // expected once the server has closed
                }
            });
            var close = socket.readUntil(CLOSE);
            writer.join(20_000);
            assertThat(close).isNotNull();
            assertThat(close.closeCode()).isEqualTo(1009);
        }
    }

    @Test
    void aFragmentedMessageIsReassembledWithAPingInBetween() throws IOException {
        try (var socket = open("fragments")) {
            socket.send(false, 0, TEXT, "{\"type\":\"chat\",".getBytes(UTF_8), true);
            socket.send(true, 0, PING, "mid".getBytes(UTF_8), true);
            socket.send(false, 0, CONTINUATION, "\"payload\":{\"text\":\"re".getBytes(UTF_8), true);
            socket.send(true, 0, CONTINUATION, "assembled\"}}".getBytes(UTF_8), true);
            var pong = socket.readUntil(PONG);
            assertThat(pong.text()).isEqualTo("mid");
            assertThat(socket.readTextContaining("reassembled").text()).contains("\"from\":\"fragments\"");
        }
    }

    @Test
    void aPingIsAnsweredWithItsPayloadAndAnUnsolicitedPongIsIgnored() throws IOException {
        try (var socket = open("pinger")) {
            socket.send(true, 0, PONG, "unasked".getBytes(UTF_8), true);
            var payload = new byte[125];
            Arrays.fill(payload, (byte) 'p');
            socket.send(true, 0, PING, payload, true);
            assertThat(socket.readUntil(PONG).payload()).isEqualTo(payload);
        }
    }

    @Test
    void aCleanCloseIsAnsweredWithAClose() throws IOException {
        try (var socket = open("leaver")) {
            socket.send(true, 0, CLOSE, closePayload(1000, "bye"), true);
            assertThat(socket.readUntil(CLOSE).closeCode()).isEqualTo(1000);
        }
    }

    @Test
    void aBinaryFrameIsRefusedAndTheConnectionStays() throws IOException {
        try (var socket = open("binary")) {
            socket.send(true, 0, BINARY, new byte[] {1, 2, 3}, true);
            assertThat(socket.readTextContaining("\"error\"").text()).contains("bad_message");
            socket.sendText("{\"type\":\"chat\",\"payload\":{\"text\":\"after binary\"}}");
            assertThat(socket.readTextContaining("after binary").text()).contains("\"from\":\"binary\"");
        }
    }

    @Test
    void permessageDeflateIsNotNegotiated() throws IOException {
        try (var socket = RawWebSocket.connect(server.port(), "/ws?clientId=zipper",
                "Sec-WebSocket-Extensions: permessage-deflate; client_max_window_bits")) {
            assertThat(socket.status).isEqualTo(101);
            assertThat(socket.headers).doesNotContainKey("sec-websocket-extensions");
        }
    }

    @Test
    void aHandshakeWithTwoThousandHeadersIsRefused() throws IOException {
        var headers = new String[2_000];
        for (int i = 0; i < headers.length; i++) {
            headers[i] = "X-Padding-" + i + ": " + i;
        }
        try (var socket = RawWebSocket.connect(server.port(), "/ws?clientId=headers", headers)) {
            assertThat(socket.status).isEqualTo(431);
        }
    }
}
