package dev.parley.server.hardening;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/// A WebSocket peer that writes frames byte by byte, so that tests can send what no well-behaved
/// client library would: bad opcodes, unmasked frames, oversized headers (RFC 6455 sections 5–7).
/// Its upgrade exchange ([#upgrade]) also serves the window flood's plain-socket senders.
public final class RawWebSocket implements AutoCloseable {

    /// The server's answer to an upgrade request: status and headers (names in lower case).
    public record Upgrade(int status, Map<String, String> headers) {}

    static final int TEXT = 0x1, BINARY = 0x2, CONTINUATION = 0x0, CLOSE = 0x8, PING = 0x9, PONG = 0xA;

    /// A frame the server sent.
    record Frame(boolean fin, int opcode, byte[] payload) {
        String text() {
            return new String(payload, StandardCharsets.UTF_8);
        }

        /// The status code of a close frame, or 1005 (none given).
        int closeCode() {
            return payload.length >= 2 ? ((payload[0] & 0xFF) << 8) | (payload[1] & 0xFF) : 1005;
        }
    }

    private static final SecureRandom RANDOM = new SecureRandom();

    private final Socket socket;
    private final DataInputStream in;
    private final OutputStream out;
    final int status;
    final Map<String, String> headers;

    private RawWebSocket(Socket socket, int status, Map<String, String> headers) throws IOException {
        this.socket = socket;
        // Buffered both ways: a syscall per header byte would make this peer the bottleneck.
        this.in = new DataInputStream(new BufferedInputStream(socket.getInputStream(), 64 * 1024));
        this.out = new BufferedOutputStream(socket.getOutputStream(), 64 * 1024);
        this.status = status;
        this.headers = headers;
    }

    /// Opens a socket and sends an upgrade request with `extraHeaders` (raw lines).
    static RawWebSocket connect(int port, String pathAndQuery, String... extraHeaders) throws IOException {
        return connect(0, port, pathAndQuery, extraHeaders);
    }

    /// As [#connect(int, String, String...)] with a receive buffer of `receiveBuffer` bytes
    /// (0: the system's), set before connecting so that TCP's window stays that small.
    static RawWebSocket connect(int receiveBuffer, int port, String pathAndQuery, String... extraHeaders) throws IOException {
        var socket = new Socket();
        if (receiveBuffer > 0) {
            socket.setReceiveBufferSize(receiveBuffer);
        }
        socket.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
        socket.setSoTimeout(10_000);
        var upgrade = upgrade(socket, port, pathAndQuery, extraHeaders);
        return new RawWebSocket(socket, upgrade.status(), upgrade.headers());
    }

    /// Sends an upgrade request for `pathAndQuery` with `extraHeaders` (raw lines) on a connected
    /// socket and reads the answer up to its blank line, byte by byte, so that no frame after it
    /// is taken from the socket.
    public static Upgrade upgrade(Socket socket, int port, String pathAndQuery, String... extraHeaders) throws IOException {
        var key = new byte[16];
        RANDOM.nextBytes(key);
        var request = new StringBuilder()
                .append("GET ").append(pathAndQuery).append(" HTTP/1.1\r\n")
                .append("Host: 127.0.0.1:").append(port).append("\r\n")
                .append("Upgrade: websocket\r\nConnection: Upgrade\r\n")
                .append("Sec-WebSocket-Key: ").append(Base64.getEncoder().encodeToString(key)).append("\r\n")
                .append("Sec-WebSocket-Version: 13\r\n");
        for (var header : extraHeaders) {
            request.append(header).append("\r\n");
        }
        request.append("\r\n");
        socket.getOutputStream().write(request.toString().getBytes(StandardCharsets.ISO_8859_1));
        socket.getOutputStream().flush();
        var head = readHead(socket);
        var lines = head.split("\r\n");
        int status = Integer.parseInt(lines[0].split(" ")[1]);
        var headers = new LinkedHashMap<String, String>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            if (colon > 0) {
                headers.put(lines[i].substring(0, colon).trim().toLowerCase(), lines[i].substring(colon + 1).trim());
            }
        }
        return new Upgrade(status, headers);
    }

    private static String readHead(Socket socket) throws IOException {
        var head = new ByteArrayOutputStream();
        var in = socket.getInputStream();
        int matched = 0;
        while (matched < 4) {
            int b = in.read();
            if (b < 0) {
                throw new EOFException("connection closed during the handshake; got: " + head);
            }
            head.write(b);
            matched = (b == (matched % 2 == 0 ? '\r' : '\n')) ? matched + 1 : (b == '\r' ? 1 : 0);
        }
        return head.toString(StandardCharsets.ISO_8859_1);
    }

    /// Writes one frame. `masked` false breaks RFC 6455 5.1 on purpose; `rsv` sets RSV1–3 (bits 4–6).
    void send(boolean fin, int rsv, int opcode, byte[] payload, boolean masked) throws IOException {
        writeHeader(fin, rsv, opcode, payload.length, masked);
        var mask = new byte[4];
        RANDOM.nextBytes(mask);
        if (masked) {
            out.write(mask);
        }
        var body = payload.clone();
        for (int i = 0; masked && i < body.length; i++) {
            body[i] ^= mask[i % 4];
        }
        out.write(body);
        out.flush();
    }

    /// Writes only a frame header, declaring `length` bytes (up to 2^63-1) that never follow.
    void sendHeader(boolean fin, int rsv, int opcode, long length, boolean masked) throws IOException {
        writeHeader(fin, rsv, opcode, length, masked);
        out.flush();
    }

    private void writeHeader(boolean fin, int rsv, int opcode, long length, boolean masked) throws IOException {
        out.write((fin ? 0x80 : 0) | (rsv << 4) | opcode);
        int maskBit = masked ? 0x80 : 0;
        if (length < 126) {
            out.write(maskBit | (int) length);
        } else if (length <= 0xFFFF) {
            out.write(maskBit | 126);
            out.write((int) (length >> 8));
            out.write((int) length);
        } else {
            out.write(maskBit | 127);
            for (int shift = 56; shift >= 0; shift -= 8) {
                out.write((int) (length >> shift));
            }
        }
    }

    void sendText(String text) throws IOException {
        send(true, 0, TEXT, text.getBytes(StandardCharsets.UTF_8), true);
    }

    void sendMaskKeyOnly() throws IOException {
        out.write(new byte[4]);
        out.flush();
    }

    /// The next frame from the server; throws [EOFException] when the connection ends.
    Frame read() throws IOException {
        int first = in.readUnsignedByte();
        int second = in.readUnsignedByte();
        long length = second & 0x7F;
        if (length == 126) {
            length = in.readUnsignedShort();
        } else if (length == 127) {
            length = in.readLong();
        }
        var payload = new byte[(int) length];
        in.readFully(payload);
        return new Frame((first & 0x80) != 0, first & 0x0F, payload);
    }

    /// Reads until a frame of `opcode` comes (skipping others), or the connection ends (null).
    Frame readUntil(int opcode) throws IOException {
        try {
            while (true) {
                var frame = read();
                if (frame.opcode() == opcode) {
                    return frame;
                }
            }
        } catch (EOFException | SocketTimeoutException ended) {
            return null;
        }
    }

    /// Reads text frames until one contains `needle`.
    Frame readTextContaining(String needle) throws IOException {
        while (true) {
            var frame = read();
            if (frame.opcode() == TEXT && frame.text().contains(needle)) {
                return frame;
            }
            if (frame.opcode() == CLOSE) {
                throw new EOFException("closed with " + frame.closeCode() + " before '" + needle + "' came");
            }
        }
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
