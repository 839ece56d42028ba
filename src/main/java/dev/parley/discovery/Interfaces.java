package dev.parley.discovery;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/// The network interfaces worth announcing and browsing on: up, not loopback, not a virtual
/// sub-interface, able to multicast. One address each (IPv4 first): JmDNS answers with all
/// addresses of its interface anyway.
final class Interfaces {

    record Local(String interfaceName, InetAddress address) {}

    private Interfaces() {}

    /// The system property that switches discovery off in a whole JVM: `-Dparley.discovery=off`.
    /// The build sets it for every test JVM, so that no in-process test can multicast on the
    /// machine's real network; only the discovery test's child JVMs, inside their own network
    /// namespaces, run without it.
    static final String SWITCH = "parley.discovery";

    /// [#candidates], or none when discovery is switched off.
    static List<Local> suitable() {
        return "off".equalsIgnoreCase(System.getProperty(SWITCH)) ? List.of() : candidates();
    }

    static List<Local> candidates() {
        var result = new ArrayList<Local>();
        try {
            for (var nic : NetworkInterface.networkInterfaces().toList()) {
                if (!usable(nic)) {
                    continue;
                }
                nic.inetAddresses()
                        .min(Comparator.comparing(address -> address instanceof Inet4Address ? 0 : 1))
                        .ifPresent(address -> result.add(new Local(nic.getName(), address)));
            }
        } catch (SocketException unreadable) {
            // No interface list: announce and browse nowhere rather than fail hosting.
            return List.of();
        }
        return List.copyOf(result);
    }

    /// The same address carrying `hostName`. JmDNS compares its host name with
    /// `address.getHostName()`, which on a bare address is a reverse DNS lookup; a named
    /// address answers without asking anyone.
    static InetAddress named(InetAddress address, String hostName) throws UnknownHostException {
        if (address instanceof Inet6Address v6 && v6.getScopedInterface() != null) {
            return Inet6Address.getByAddress(hostName, v6.getAddress(), v6.getScopedInterface());
        }
        if (address instanceof Inet6Address v6 && v6.getScopeId() != 0) {
            return Inet6Address.getByAddress(hostName, v6.getAddress(), v6.getScopeId());
        }
        return InetAddress.getByAddress(hostName, address.getAddress());
    }

    private static boolean usable(NetworkInterface nic) throws SocketException {
        return nic.isUp() && !nic.isLoopback() && !nic.isVirtual() && nic.supportsMulticast();
    }
}
