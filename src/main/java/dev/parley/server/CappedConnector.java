package dev.parley.server;

import java.net.InetSocketAddress;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiConsumer;
import org.eclipse.jetty.io.EndPoint;
import org.eclipse.jetty.server.ConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

/// The server's port, with a cap on the TCP connections one address may hold open, of any
/// kind: idle ones, page loads, handshakes and WebSockets alike. The WebSocket limit alone
/// counts only admitted members, so an address could otherwise hold any number of silent
/// sockets. A connection past the cap is closed as soon as it is accepted.
///
/// A stop never leaves an accepted socket unanswered and open (a server stopped while a crowd
/// reconnects did): sockets are accepted by the selector, not by an acceptor thread, since Jetty
/// stops that thread with an interrupt, and an interrupt that lands just as `accept()` returns
/// makes the JDK drop the new socket without closing it; and what the selectors left behind
/// when they stopped is closed by [AcceptedChannels].
final class CappedConnector extends ServerConnector {

    private static final int NO_ACCEPTOR_THREADS = 0;
    private static final int DEFAULT_SELECTORS = -1;

    private final int perAddress;
    private final BiConsumer<String, String> onRefused;
    private final ConcurrentHashMap<String, Integer> open = new ConcurrentHashMap<>();
    /// Each open socket's peer address: a closed socket no longer knows it.
    private final ConcurrentHashMap<EndPoint, String> counted = new ConcurrentHashMap<>();
    private final AcceptedChannels accepted = new AcceptedChannels();

    /// `onRefused` gets the peer's address and the reason.
    CappedConnector(Server server, int perAddress, BiConsumer<String, String> onRefused, ConnectionFactory... factories) {
        super(server, NO_ACCEPTOR_THREADS, DEFAULT_SELECTORS, factories);
        this.perAddress = perAddress;
        this.onRefused = onRefused;
        addBean(accepted);
    }

    @Override
    protected void doStop() throws Exception {
        accepted.shutDownOpen();
        try {
            super.doStop();
        } finally {
            accepted.closeStrays();
        }
    }

    @Override
    protected void onEndPointOpened(EndPoint endPoint) {
        super.onEndPointOpened(endPoint);
        var address = address(endPoint);
        counted.put(endPoint, address);
        if (open.merge(address, 1, Integer::sum) > perAddress) {
            onRefused.accept(address, "more than " + perAddress + " open connections");
            endPoint.close();
        }
    }

    @Override
    protected void onEndPointClosed(EndPoint endPoint) {
        accepted.closed(endPoint);
        var address = counted.remove(endPoint);
        if (address != null) {
            open.computeIfPresent(address, (key, count) -> count <= 1 ? null : count - 1);
        }
        super.onEndPointClosed(endPoint);
    }

    /// Connections open from `address` now (tests).
    int openFrom(String address) {
        return open.getOrDefault(address, 0);
    }

    private static String address(EndPoint endPoint) {
        return endPoint.getRemoteSocketAddress() instanceof InetSocketAddress socket && socket.getAddress() != null
                ? socket.getAddress().getHostAddress() : "unknown";
    }
}
