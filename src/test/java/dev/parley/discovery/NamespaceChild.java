package dev.parley.discovery;

import com.google.gson.Gson;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.net.NetworkInterface;
import java.nio.charset.StandardCharsets;

/// A child JVM that [LanDiscoveryTest] runs inside a network namespace it made: it announces or
/// browses as told on stdin and reports on stdout, one line each. It refuses to start when it
/// sees any interface besides loopback and the test's veth, so that a mistake can never send
/// multicast on the machine's real network.
///
/// Commands: `announce {AnnouncedRoom as JSON}`, `update {…}`, `browse`, `stop`.
/// Reports: `announced [interfaces]`, `browsing [interfaces]`, `found|updated|lost DiscoveredRoom[…]`, `closed`.
public final class NamespaceChild {

    static final String VETH_PREFIX = "parley-v";

    private NamespaceChild() {}

    public static void main(String[] args) throws Exception {
        var out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        var foreign = NetworkInterface.networkInterfaces()
                .filter(nic -> !nic.getName().equals("lo") && !nic.getName().startsWith(VETH_PREFIX))
                .map(NetworkInterface::getName).toList();
        if (!foreign.isEmpty()) {
            out.println("refused: not inside a Parley test namespace, interfaces " + foreign);
            System.exit(3);
        }
        var gson = new Gson();
        var in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        RoomAnnouncer announcer = null;
        RoomBrowser browser = null;
        for (String line; (line = in.readLine()) != null && !line.equals("stop"); ) {
            var space = line.indexOf(' ');
            var command = space < 0 ? line : line.substring(0, space);
            var argument = space < 0 ? "" : line.substring(space + 1);
            switch (command) {
                case "announce" -> {
                    announcer = RoomAnnouncer.start(gson.fromJson(argument, AnnouncedRoom.class));
                    out.println("announced " + announcer.interfaces());
                }
                case "update" -> {
                    announcer.update(gson.fromJson(argument, AnnouncedRoom.class));
                    out.println("update sent");
                }
                case "browse" -> {
                    browser = RoomBrowser.start(new Printer(out));
                    out.println("browsing " + browser.interfaces());
                }
                default -> out.println("unknown command " + command);
            }
        }
        if (announcer != null) {
            announcer.close();
        }
        if (browser != null) {
            browser.close();
        }
        out.println("closed");
        // JmDNS may leave non-daemon timer threads behind.
        System.exit(0);
    }

    private record Printer(PrintStream out) implements DiscoveryListener {
        @Override
        public void roomFound(DiscoveredRoom room) {
            out.println("found " + room);
        }

        @Override
        public void roomUpdated(DiscoveredRoom room) {
            out.println("updated " + room);
        }

        @Override
        public void roomLost(DiscoveredRoom room) {
            out.println("lost " + room);
        }
    }
}
