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

    /// `ws://HOST:PORT/ws`, with IPv6 in brackets and without a scope id.
    public static URI uri(InetAddress address, int port) {
        var host = address.getHostAddress();
        int scope = host.indexOf('%');
        if (scope >= 0) {
            host = host.substring(0, scope);
        }
        if (address instanceof Inet6Address) {
            host = "[" + host + "]";
        }
        return URI.create("ws://" + host + ":" + port + "/ws");
    }
}
