package dev.parley.ui.connect;

import dev.parley.ui.common.Note;
import java.net.Inet4Address;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/// Warns when every address this computer has is on a kind of network that often keeps its
/// devices from reaching each other. A heuristic, kept conservative (a wrong warning teaches
/// people to ignore warnings), and said as "may" to the host:
/// - every IPv4 address is in 100.64.0.0/10 (shared address space: a carrier's NAT, a phone's
///   mobile data, some VPNs), or
/// - every IPv4 address is on a wireless interface whose network is large (prefix /20 or
///   shorter, 4,096 addresses or more): guest, hotel, campus and café Wi-Fi are built that way
///   and usually isolate clients; a home or office Wi-Fi is a /24.
/// A wired address, a small Wi-Fi network, or no IPv4 address at all gives no warning. The
/// network's name (SSID) is not read: no platform gives it without extra permissions.
final class NetworkIsolation {

    /// One IPv4 address of this computer: its interface, whether that is Wi-Fi, and the
    /// network's prefix length.
    record LocalAddress(String interfaceName, boolean wireless, byte[] address, int prefixLength) {}

    /// A network of this many prefix bits or fewer counts as "large".
    static final int LARGE_NETWORK_PREFIX = 20;

    private NetworkIsolation() {}

    /// The note to show, or null.
    static Note warning(List<LocalAddress> addresses) {
        if (addresses.isEmpty()) {
            return null;
        }
        if (addresses.stream().allMatch(a -> sharedAddressSpace(a.address()))) {
            return Note.of("host.sharedNetwork");
        }
        if (addresses.stream().allMatch(a -> a.wireless() && a.prefixLength() <= LARGE_NETWORK_PREFIX)) {
            return Note.of("host.largeWifi");
        }
        return null;
    }

    /// 100.64.0.0/10 (RFC 6598).
    private static boolean sharedAddressSpace(byte[] address) {
        return (address[0] & 0xff) == 100 && (address[1] & 0xc0) == 64;
    }

    /// This computer's non-loopback, non-link-local IPv4 addresses on interfaces that are up.
    static List<LocalAddress> read() {
        var result = new ArrayList<LocalAddress>();
        try {
            for (var nic : NetworkInterface.networkInterfaces().toList()) {
                if (!nic.isUp() || nic.isLoopback()) {
                    continue;
                }
                for (var bound : nic.getInterfaceAddresses()) {
                    if (bound.getAddress() instanceof Inet4Address v4 && !v4.isLoopbackAddress() && !v4.isLinkLocalAddress()) {
                        result.add(new LocalAddress(nic.getName(), wireless(nic.getName()), v4.getAddress(), bound.getNetworkPrefixLength()));
                    }
                }
            }
        } catch (SocketException unreadable) {
            // No interface list: no warning rather than a wrong one.
        }
        return result;
    }

    /// Linux says so in sysfs; elsewhere only the usual names (`wlan0`, `wlp2s0`) tell.
    private static boolean wireless(String name) {
        return Files.isDirectory(Path.of("/sys/class/net", name, "wireless")) || name.startsWith("wl");
    }
}
