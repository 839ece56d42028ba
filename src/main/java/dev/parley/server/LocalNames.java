package dev.parley.server;

import java.io.IOException;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/// This machine's own names and addresses, as a browser may type them: `localhost`, the host
/// name (also with `.local`, its mDNS name), and every address of every interface. Addresses
/// change (Wi-Fi, DHCP), so a miss looks again, at most once a second.
final class LocalNames {

    private static final long REFRESH_NANOS = 1_000_000_000L;

    private volatile Set<String> names = Set.of("localhost");
    private volatile Set<InetAddress> addresses = Set.of();
    private volatile long readNanos;

    LocalNames() {
        // The host name may need a resolver (macOS can take seconds): never on a request thread.
        Thread.ofVirtual().name("parley-host-names").start(() -> names = readNames());
        addresses = readAddresses();
        readNanos = System.nanoTime();
    }

    /// True for a name of this machine; `host` is lower case, without brackets, port or final dot.
    boolean isOwn(String host) {
        if (host.equals("localhost") || host.endsWith(".localhost") || names.contains(host)) {
            return true;
        }
        if (!Character.isDigit(host.charAt(0)) && !host.contains(":")) {
            return false; // a name, not an address: never resolved (that is what DNS rebinding abuses)
        }
        InetAddress address;
        try {
            address = InetAddress.ofLiteral(host);
        } catch (IllegalArgumentException notAnAddress) {
            return false;
        }
        if (address.isLoopbackAddress() || addresses.contains(address)) {
            return true;
        }
        long now = System.nanoTime();
        if (now - readNanos < REFRESH_NANOS) {
            return false;
        }
        readNanos = now;
        addresses = readAddresses();
        return addresses.contains(address);
    }

    private static Set<InetAddress> readAddresses() {
        var result = new HashSet<InetAddress>();
        try {
            for (var nic : NetworkInterface.networkInterfaces().toList()) {
                nic.inetAddresses().forEach(result::add);
            }
        } catch (SocketException unreadable) {
            // No interface list (a locked-down sandbox): loopback still works.
        }
        return Set.copyOf(result);
    }

    private static Set<String> readNames() {
        var result = new HashSet<String>();
        result.add("localhost");
        add(result, System.getenv("COMPUTERNAME"));
        add(result, System.getenv("HOSTNAME"));
        try {
            add(result, Files.readString(Path.of("/proc/sys/kernel/hostname")));
        } catch (IOException | RuntimeException notLinux) {
            // Elsewhere the resolver below knows the name.
        }
        try {
            add(result, InetAddress.getLocalHost().getHostName());
        } catch (UnknownHostException | RuntimeException unresolved) {
            // The names found above (if any) and the addresses still work.
        }
        return Set.copyOf(result);
    }

    private static void add(Set<String> names, String name) {
        if (name == null || name.isBlank()) {
            return;
        }
        var full = name.strip().toLowerCase(Locale.ROOT);
        var shortName = full.contains(".") ? full.substring(0, full.indexOf('.')) : full;
        names.add(full);
        names.add(shortName);
        names.add(shortName + ".local");
    }
}
