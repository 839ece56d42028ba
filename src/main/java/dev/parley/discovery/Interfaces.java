package dev.parley.discovery;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/// The network interfaces worth announcing and browsing on: up, not loopback, not a virtual
/// sub-interface, able to multicast. One address each (IPv4 first): JmDNS answers with all
/// addresses of its interface anyway.
final class Interfaces {

    record Local(String interfaceName, InetAddress address) {}

    private Interfaces() {}

    static List<Local> suitable() {
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

    private static boolean usable(NetworkInterface nic) throws SocketException {
        return nic.isUp() && !nic.isLoopback() && !nic.isVirtual() && nic.supportsMulticast();
    }
}
