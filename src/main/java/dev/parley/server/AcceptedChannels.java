package dev.parley.server;

import java.io.IOException;
import java.nio.channels.SelectableChannel;
import java.nio.channels.SocketChannel;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.jetty.io.EndPoint;
import org.eclipse.jetty.io.SelectableChannelEndPoint;
import org.eclipse.jetty.io.SelectorManager;

/// Every socket the connector has accepted and not yet closed, so that [#closeStrays] can close
/// what a stop left behind. Jetty hands an accepted socket to a selector as a queued update; one
/// queued just as the selector stops is never run, and its socket is neither served nor closed:
/// its client waits for an answer that never comes, and the socket stays open for as long as the
/// process lives (the window's Host toggle restarts the server in the same process).
final class AcceptedChannels implements SelectorManager.AcceptListener {

    private final Set<SelectableChannel> open = ConcurrentHashMap.newKeySet();

    @Override
    public void onAccepting(SelectableChannel channel) {
        open.add(channel);
    }

    @Override
    public void onAcceptFailed(SelectableChannel channel, Throwable cause) {
        open.remove(channel);
    }

    /// The connection on `endPoint` ended: its socket is closed.
    void closed(EndPoint endPoint) {
        if (endPoint instanceof SelectableChannelEndPoint selectable) {
            open.remove(selectable.getChannel());
        }
    }

    /// Ends every connection still open, in both directions, so that each peer learns at once
    /// (an upload's client waits for its answer otherwise): call as the connector stops, while the
    /// sockets are still open. Jetty's own close of a socket is put off until its selector runs
    /// again, and a selector that stops first leaves the socket established for good.
    void shutDownOpen() {
        for (var channel : open) {
            if (channel instanceof SocketChannel socket && socket.isOpen()) {
                try {
                    socket.shutdownInput();
                    socket.shutdownOutput();
                } catch (IOException ignored) {
                    // Already closed or reset: the peer knows.
                }
            }
        }
    }

    /// Closes the sockets still open; call once the connector has stopped.
    void closeStrays() {
        for (var channel : open) {
            open.remove(channel);
            if (channel.isOpen()) {
                try {
                    channel.close();
                } catch (IOException ignored) {
                    // Closing is all that is left to do; the kernel frees the socket either way.
                }
            }
        }
    }
}
