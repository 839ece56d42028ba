package dev.parley.server;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;

/// The `ws://` addresses others can use to join a server on this machine.
public final class ServerAddresses {

    /// One address of this machine that others may reach, and the interface it belongs to.
    public record Joinable(String interfaceName, URI uri, boolean loopback) {}

    private ServerAddresses() {}

    /// Every non-loopback IPv4/IPv6 address of every interface that is up, then localhost.
    /// Link-local addresses (169.254.x.x, fe80::) are left out: they need a scope to be
    /// usable and are rarely what a colleague should type.
    public static List<Joinable> forPort(int port) {
        var result = new ArrayList<Joinable>();
        try {
            for (var nic : NetworkInterface.networkInterfaces().toList()) {
                if (!nic.isUp() || nic.isLoopback()) {
                    continue;
                }
                for (var address : nic.inetAddresses().toList()) {
                    if (!address.isLoopbackAddress() && !address.isLinkLocalAddress() && !address.isMulticastAddress()) {
                        result.add(new Joinable(nic.getName(), uri(address, port), false));
                    }
                }
            }
        } catch (SocketException unreadable) {
            // No interface list (a locked-down sandbox): localhost still works.
        }
        // IPv4 first: shorter to read aloud and type.
        result.sort((a, b) -> Boolean.compare(a.uri().getHost().startsWith("["), b.uri().getHost().startsWith("[")));
        result.add(new Joinable("lo", URI.create("ws://localhost:" + port + "/ws"), true));
        return List.copyOf(result);
    }

    /// `ws://HOST:PORT/ws`; IPv6 in brackets, in its short form (RFC 5952), without a scope id.
    public static URI uri(InetAddress address, int port) {
        var host = address instanceof Inet6Address ? "[" + shortIpv6(address.getAddress()) + "]" : address.getHostAddress();
        return URI.create("ws://" + host + ":" + port + "/ws");
    }

    /// The longest run (two or more) of zero groups becomes `::`; groups lose leading zeros.
    private static String shortIpv6(byte[] bytes) {
        var groups = new int[8];
        for (int i = 0; i < 8; i++) {
            groups[i] = ((bytes[2 * i] & 0xff) << 8) | (bytes[2 * i + 1] & 0xff);
        }
        int bestStart = -1;
        int bestLength = 1;
        for (int i = 0; i < 8; ) {
            int j = i;
            while (j < 8 && groups[j] == 0) {
                j++;
            }
            if (j - i > bestLength) {
                bestStart = i;
                bestLength = j - i;
            }
            i = j == i ? i + 1 : j;
        }
        var out = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            if (i == bestStart) {
                out.append("::");
                i += bestLength - 1;
                continue;
            }
            if (!out.isEmpty() && out.charAt(out.length() - 1) != ':') {
                out.append(':');
            }
            out.append(Integer.toHexString(groups[i]));
        }
        return out.toString();
    }

    /// [#forPort(int)], as `wss://` addresses when the server speaks TLS.
    public static List<Joinable> forPort(int port, boolean tls) {
        return forPort(port).stream().map(joinable -> !tls ? joinable : new Joinable(joinable.interfaceName(),
                URI.create("wss" + joinable.uri().toString().substring("ws".length())), joinable.loopback())).toList();
    }
}
