package dev.parley.bench;

import dev.parley.server.hardening.RawWebSocket;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/// The window flood's senders: plain sockets that speak just enough RFC 6455 to send chat frames
/// and answer the server's pings. Every sender is a member of the room, so the server sends each
/// of them every message too. On Jetty's client each of those frames cost the flood's process
/// ~50 µs of CPU and 2–3 thread wake-ups (4 senders at 2,000 messages/s: 0.4 of this machine's
/// 2 cores, in the process that holds the window being measured, and more context switches than
/// everything else together). Here one thread reads what arrives for all senders in 64 KB gulps
/// and drops it, so the flood measures the window, the server and the window's own client.
/// Loopback only (the server's URI is the embedded one's).
final class RawSenders implements Pacer.Outlet, AutoCloseable {

    /// Bytes a sender may have waiting to be written before the pacer skips it.
    private static final int MAX_PENDING = Pacer.MAX_IN_FLIGHT * 128;

    private final List<Peer> peers = new ArrayList<>();
    private final Selector selector;
    private final Tally tally;
    private final Thread reader;
    private volatile boolean closing;

    private RawSenders(Selector selector, Tally tally) {
        this.selector = selector;
        this.tally = tally;
        this.reader = Thread.ofPlatform().daemon().name("flood-senders").unstarted(this::readAll);
    }

    /// Connects `count` senders (`clientId` flood-0 …) to `server` (ws://127.0.0.1:PORT/PATH).
    static RawSenders open(URI server, int count, Tally tally) throws IOException {
        var senders = new RawSenders(Selector.open(), tally);
        try {
            for (int i = 0; i < count; i++) {
                var peer = Peer.connect(server, "flood-" + i);
                peer.key = peer.channel.register(senders.selector, SelectionKey.OP_READ, peer);
                senders.peers.add(peer);
            }
        } catch (IOException failed) {
            senders.close();
            throw failed;
        }
        senders.reader.start();
        return senders;
    }

    int openCount() {
        return (int) peers.stream().filter(p -> !p.closed).count();
    }

    @Override
    public boolean send(int sender, String json) {
        var peer = peers.get(sender);
        synchronized (peer) {
            if (peer.closed || !peer.flush() && peer.pending.position() > MAX_PENDING) {
                return false;
            }
            try {
                if (!peer.write(frame(0x1, json.getBytes(StandardCharsets.UTF_8)))) {
                    // The rest waits for the socket; the reader thread writes it when it can.
                    peer.key.interestOpsOr(SelectionKey.OP_WRITE);
                    selector.wakeup();
                }
                return true;
            } catch (IOException broken) {
                peer.closed = true;
                tally.sendFailures.increment();
                return false;
            }
        }
    }

    /// A masked client frame (RFC 6455 5.2), FIN set; payloads of less than 64 KiB.
    static ByteBuffer frame(int opcode, byte[] payload) {
        int header = payload.length < 126 ? 2 : 4;
        var frame = ByteBuffer.allocate(header + 4 + payload.length);
        frame.put((byte) (0x80 | opcode));
        if (payload.length < 126) {
            frame.put((byte) (0x80 | payload.length));
        } else {
            frame.put((byte) (0x80 | 126)).putShort((short) payload.length);
        }
        var mask = new byte[4];
        ThreadLocalRandom.current().nextBytes(mask);
        frame.put(mask);
        for (int i = 0; i < payload.length; i++) {
            frame.put((byte) (payload[i] ^ mask[i & 3]));
        }
        return frame.flip();
    }

    private void readAll() {
        var buffer = ByteBuffer.allocate(64 * 1024);
        try {
            while (!closing) {
                selector.select(1_000);
                for (var key : selector.selectedKeys()) {
                    var peer = (Peer) key.attachment();
                    if (key.isValid() && key.isWritable()) {
                        synchronized (peer) {
                            if (peer.flush()) {
                                key.interestOpsAnd(~SelectionKey.OP_WRITE);
                            }
                        }
                    }
                    if (key.isValid() && key.isReadable()) {
                        read(peer, buffer);
                    }
                }
                selector.selectedKeys().clear();
            }
        } catch (IOException | RuntimeException broken) {
            if (!closing) {
                tally.sendFailures.increment();
            }
        }
    }

    private void read(Peer peer, ByteBuffer buffer) {
        try {
            buffer.clear();
            if (peer.channel.read(buffer) < 0) {
                throw new EOFException("the server closed the connection");
            }
            buffer.flip();
            var control = peer.walker.parse(buffer);
            if (control != null && control.opcode == 0x9) {
                synchronized (peer) {
                    peer.flush();
                    peer.write(frame(0xA, control.payload));
                }
            } else if (control != null && control.opcode == 0x8) {
                throw new EOFException("the server sent a close frame");
            }
        } catch (IOException ended) {
            peer.closed = true;
            peer.key.cancel();
            if (!closing) {
                tally.closedEarly.increment();
            }
        }
    }

    @Override
    public void close() {
        closing = true;
        selector.wakeup();
        try {
            reader.join(2_000);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
        for (var peer : peers) {
            synchronized (peer) {
                try {
                    if (!peer.closed) {
                        peer.write(frame(0x8, new byte[] {0x03, (byte) 0xE8}));
                    }
                    peer.channel.close();
                } catch (IOException ignored) {
                    // Closing anyway.
                }
                peer.closed = true;
            }
        }
        try {
            selector.close();
        } catch (IOException ignored) {
            // Nothing registered is left.
        }
    }

    /// A control frame from the server (ping, pong, close) and its payload.
    record Control(int opcode, byte[] payload) {}

    /// One sender's socket, what it still has to write, and where its reading is in the stream.
    private static final class Peer {
        final SocketChannel channel;
        SelectionKey key;
        volatile boolean closed;
        ByteBuffer pending = ByteBuffer.allocate(0);
        final Walker walker = new Walker();

        private Peer(SocketChannel channel) {
            this.channel = channel;
        }

        static Peer connect(URI server, String clientId) throws IOException {
            var channel = SocketChannel.open(new InetSocketAddress(server.getHost(), server.getPort()));
            try {
                channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
                channel.socket().setSoTimeout(10_000);
                var upgrade = RawWebSocket.upgrade(channel.socket(), server.getPort(),
                        server.getRawPath() + "?clientId=" + clientId);
                if (upgrade.status() != 101) {
                    throw new IOException("no upgrade from " + server + ": status " + upgrade.status());
                }
                channel.configureBlocking(false);
                return new Peer(channel);
            } catch (IOException failed) {
                channel.close();
                throw failed;
            }
        }

        /// Writes what is pending, then `frame`; false when some of it must wait for the socket.
        boolean write(ByteBuffer frame) throws IOException {
            if (flush()) {
                channel.write(frame);
                if (!frame.hasRemaining()) {
                    return true;
                }
            }
            var grown = ByteBuffer.allocate(pending.position() + frame.remaining());
            pending.flip();
            pending = grown.put(pending).put(frame);
            return false;
        }

        /// Writes what is pending; true when nothing is left.
        boolean flush() {
            if (pending.position() == 0) {
                return true;
            }
            try {
                pending.flip();
                channel.write(pending);
            } catch (IOException broken) {
                closed = true;
                pending.clear();
                return true;
            } finally {
                pending.compact();
            }
            return pending.position() == 0;
        }
    }

    /// Where a reader is in the server's frame stream: walks the frames in what each read
    /// brought (a header may end in the next read), dropping data frames.
    static final class Walker {
        private final byte[] head = new byte[14];
        private int headLength;
        private long skip;
        private int opcode;
        private ByteArrayOutputStream controlPayload;

        /// True when the bytes so far ended inside a frame.
        boolean midFrame() {
            return headLength > 0 || skip > 0;
        }

        /// Walks the frames in `bytes` (headers across reads included), dropping data frames;
        /// returns the last control frame that ended in them, if any.
        Control parse(ByteBuffer bytes) {
            Control last = null;
            while (bytes.hasRemaining()) {
                if (skip > 0) {
                    int n = (int) Math.min(skip, bytes.remaining());
                    if (controlPayload != null) {
                        controlPayload.write(bytes.array(), bytes.arrayOffset() + bytes.position(), n);
                    }
                    bytes.position(bytes.position() + n);
                    skip -= n;
                    if (skip == 0 && controlPayload != null) {
                        last = new Control(opcode, controlPayload.toByteArray());
                        controlPayload = null;
                    }
                    continue;
                }
                head[headLength++] = bytes.get();
                if (headLength < 2) {
                    continue;
                }
                int length7 = head[1] & 0x7F;
                int needed = 2 + (length7 == 126 ? 2 : length7 == 127 ? 8 : 0) + ((head[1] & 0x80) != 0 ? 4 : 0);
                if (headLength < needed) {
                    continue;
                }
                long length = length7;
                if (length7 == 126) {
                    length = ((head[2] & 0xFF) << 8) | (head[3] & 0xFF);
                } else if (length7 == 127) {
                    length = ByteBuffer.wrap(head, 2, 8).getLong();
                }
                opcode = head[0] & 0x0F;
                headLength = 0;
                skip = length;
                controlPayload = opcode >= 0x8 ? new ByteArrayOutputStream() : null;
                if (skip == 0 && controlPayload != null) {
                    last = new Control(opcode, new byte[0]);
                    controlPayload = null;
                }
            }
            return last;
        }
    }
}
