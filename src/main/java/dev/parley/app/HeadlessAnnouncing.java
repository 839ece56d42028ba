package dev.parley.app;

import dev.parley.discovery.AnnouncedRoom;
import dev.parley.discovery.HostAnnouncer;
import dev.parley.server.ParleyServer;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.UnknownHostException;

/// The headless server's LAN announcement: started after the addresses are printed (it takes
/// about two seconds; the server already accepts joins meanwhile), withdrawn by the shutdown
/// hook before the server stops, so that browsers drop the room before its port closes.
final class HeadlessAnnouncing {

    private HostAnnouncer announcer;
    private boolean withdrawn;

    /// Announces unless `--no-announce` or a loopback `--bind` says not to; prints which.
    void start(ParleyServer server, HeadlessCommand options, PrintStream out) {
        if (options.noAnnounce) {
            out.println("Not announced on the local network (--no-announce).");
            return;
        }
        if (loopbackOnly(options.bind)) {
            out.println("Not announced on the local network: --bind " + options.bind + " is reachable from this computer only.");
            return;
        }
        var room = AnnouncedRoom.of(options.serverName, server.port(), options.passwordRequired(),
                server.fingerprint());
        var started = HostAnnouncer.start(room, () -> server.stats().connections(), server::roomNames);
        synchronized (this) {
            if (withdrawn) {
                // Ctrl+C came while announcing started.
                started.close();
                return;
            }
            announcer = started;
        }
        out.println(started.interfaces().isEmpty()
                ? "Not announced on the local network: no network interface that can multicast."
                : "Announced on the local network (" + String.join(", ", started.interfaces()) + "): others see it in their Join list.");
        out.flush();
    }

    /// Withdraws the announcement (a goodbye, about two seconds). Safe to call twice.
    void withdraw() {
        HostAnnouncer closing;
        synchronized (this) {
            withdrawn = true;
            closing = announcer;
            announcer = null;
        }
        if (closing != null) {
            closing.close();
        }
    }

    private static boolean loopbackOnly(String bind) {
        if (bind == null || bind.isBlank()) {
            return false;
        }
        try {
            // The server has resolved the same value already to bind to it.
            return InetAddress.getByName(bind).isLoopbackAddress();
        } catch (UnknownHostException unknown) {
            return false;
        }
    }
}
