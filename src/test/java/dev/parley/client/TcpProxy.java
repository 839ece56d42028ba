package dev.parley.client;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/// A loopback TCP relay between a client and a server that a test can break like a real
/// network: drop what the server sends ([#dropDownstream]), freeze open connections (a
/// half-open link: nothing moves, nothing closes), or cut every connection at once.
final class TcpProxy implements AutoCloseable {

    private final ServerSocket listener;
    private final int targetPort;
    private final Set<Socket> sockets = ConcurrentHashMap.newKeySet();
    private final Set<Socket> frozen = ConcurrentHashMap.newKeySet();
    private final Set<Socket> serverSides = ConcurrentHashMap.newKeySet();
    private final Set<Socket> abandoned = ConcurrentHashMap.newKeySet();
    private volatile boolean dropDownstream;
    private volatile boolean refuseNew;

    TcpProxy(int targetPort) throws IOException {
        this.targetPort = targetPort;
        this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread.ofVirtual().name("proxy-accept").start(this::accept);
    }

    URI uri() {
        return URI.create("ws://127.0.0.1:" + listener.getLocalPort() + "/ws");
    }

    /// While true, bytes from the server are read and thrown away.
    void dropDownstream(boolean drop) {
        dropDownstream = drop;
    }

    /// While true, new connections are accepted and closed at once (the server seems down).
    void refuseNew(boolean refuse) {
        refuseNew = refuse;
    }

    /// Stops relaying on every connection open now, without closing any; new ones work.
    void freezeOpenConnections() {
        frozen.addAll(sockets);
    }

    /// Ends the client's side of every relayed connection and leaves the server's open and
    /// silent: the server has not noticed the loss yet, so its connection (and name) stays live.
    void abandonOpenConnections() {
        abandoned.addAll(serverSides);
        for (var socket : sockets) {
            if (!serverSides.contains(socket)) {
                closeQuietly(socket);
            }
        }
    }

    /// Closes every relayed connection (both sides see the TCP connection end).
    void cutAll() {
        for (var socket : sockets) {
            closeQuietly(socket);
        }
        sockets.clear();
    }

    private void accept() {
        while (!listener.isClosed()) {
            try {
                var client = listener.accept();
                if (refuseNew) {
                    client.close();
                    continue;
                }
                var server = new Socket();
                server.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), targetPort), 2_000);
                sockets.add(client);
                sockets.add(server);
                serverSides.add(server);
                Thread.ofVirtual().start(() -> pump(client, server, false));
                Thread.ofVirtual().start(() -> pump(server, client, true));
            } catch (IOException e) {
                // closed, or the server is down: the client sees its connection end
            }
        }
    }

    private void pump(Socket from, Socket to, boolean downstream) {
        var buffer = new byte[16 * 1024];
        // Not try-with-resources: closing a socket's stream closes the socket, abandoned or not.
        try {
            InputStream in = from.getInputStream();
            OutputStream out = to.getOutputStream();
            int read;
            while ((read = in.read(buffer)) >= 0) {
                while (frozen.contains(from) || frozen.contains(to)) {
                    Thread.sleep(20);
                    if (from.isClosed()) {
                        return;
                    }
                }
                if (!(downstream && dropDownstream)) {
                    out.write(buffer, 0, read);
                    out.flush();
                }
            }
        } catch (IOException | InterruptedException e) {
            // one side went away
        } finally {
            for (var socket : new Socket[] {from, to}) {
                if (!abandoned.contains(socket)) {
                    closeQuietly(socket);
                }
            }
        }
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // already closed
        }
    }

    @Override
    public void close() throws IOException {
        listener.close();
        cutAll();
    }
}
