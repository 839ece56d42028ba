package dev.parley.bench;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/// The leanest HTTP/1.1 client for [FileBench]: one request per connection, the body sent with
/// `FileChannel.transferTo` (sendfile) and a response body counted into one reused buffer.
final class RawHttp {

    private RawHttp() {}

    /// `PUT path` with the whole file; returns the status line and the body.
    static String put(URI endpoint, String path, String token, Path file) throws IOException {
        try (var socket = SocketChannel.open(address(endpoint));
             var channel = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = channel.size();
            writeAll(socket, "PUT " + path + " HTTP/1.1\r\nHost: " + endpoint.getRawAuthority() + "\r\nAuthorization: Bearer "
                    + token + "\r\nContent-Length: " + size + "\r\nConnection: close\r\n\r\n");
            for (long sent = 0; sent < size; ) {
                sent += channel.transferTo(sent, size - sent, socket);
            }
            var answer = ByteBuffer.allocate(4096);
            while (socket.read(answer) >= 0 && answer.hasRemaining()) {
                // read to the end: Connection: close
            }
            var text = new String(answer.array(), 0, answer.position(), StandardCharsets.ISO_8859_1);
            int end = text.indexOf("\r\n");
            int body = text.indexOf("\r\n\r\n");
            return (end < 0 ? text : text.substring(0, end)) + (body < 0 ? "" : " " + text.substring(body + 4));
        }
    }

    /// `GET path`; returns the number of body bytes (everything after the headers).
    static long get(URI endpoint, String path) throws IOException {
        try (var socket = SocketChannel.open(address(endpoint))) {
            writeAll(socket, "GET " + path + " HTTP/1.1\r\nHost: " + endpoint.getRawAuthority() + "\r\nConnection: close\r\n\r\n");
            var buffer = ByteBuffer.allocateDirect(1 << 20);
            long total = 0;
            long headers = -1;
            var head = new StringBuilder();
            int read;
            while ((read = socket.read(buffer.clear())) >= 0) {
                total += read;
                if (headers < 0) {
                    buffer.flip();
                    var bytes = new byte[Math.min(buffer.remaining(), 8192)];
                    buffer.get(bytes);
                    head.append(new String(bytes, StandardCharsets.ISO_8859_1));
                    int end = head.indexOf("\r\n\r\n");
                    if (end >= 0) {
                        if (!head.toString().startsWith("HTTP/1.1 200")) {
                            throw new IOException("download answered " + head.substring(0, head.indexOf("\r\n")));
                        }
                        headers = end + 4;
                    }
                }
            }
            return total - headers;
        }
    }

    private static InetSocketAddress address(URI endpoint) {
        return new InetSocketAddress(endpoint.getHost(), endpoint.getPort());
    }

    private static void writeAll(SocketChannel socket, String text) throws IOException {
        var bytes = ByteBuffer.wrap(text.getBytes(StandardCharsets.ISO_8859_1));
        while (bytes.hasRemaining()) {
            socket.write(bytes);
        }
    }
}
