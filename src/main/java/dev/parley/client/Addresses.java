package dev.parley.client;

import dev.parley.protocol.Invite;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.regex.Pattern;

/// Turns what a user types (`host`, `host:port`, `[::1]:3001`, `ws://…`, `wss://…`) into the
/// server's `/ws` URI. Without a port the default 3001 is used; without a path, `/ws`. An app
/// invite (`parley://HOST:PORT/ROOM?fp=…`, see [Invite]) gives its server's address.
public final class Addresses {

    /// Design.md's default port, for typed addresses without one.
    public static final int DEFAULT_PORT = 3001;

    private static final Pattern HOST_NAME = Pattern.compile("[\\p{L}\\p{N}._-]{1,253}");
    private static final Pattern HOST_PORT = Pattern.compile("(.+):(\\d{1,5})");

    private Addresses() {}

    /// Throws [IllegalArgumentException] with a message fit for the user when it cannot be read.
    public static URI parse(String input) {
        if (input == null || input.isBlank()) {
            throw new IllegalArgumentException("Enter a server address, for example 192.168.1.20 or 192.168.1.20:3001");
        }
        var text = input.strip();
        if (Invite.isAppLink(text)) {
            return Invite.parse(text).serverUri();
        }
        return text.contains("://") ? fromUrl(text) : fromHostPort(text, "ws", "/ws");
    }

    private static URI fromUrl(String text) {
        URI uri;
        try {
            uri = new URI(text);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("'" + text + "' is not a valid address: " + e.getReason());
        }
        var scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        scheme = switch (scheme) {
            case "ws", "http" -> "ws";
            case "wss", "https" -> "wss";
            default -> throw new IllegalArgumentException(
                    "Address must start with ws:// or wss:// (not " + scheme + "://)");
        };
        if (uri.getRawAuthority() == null || uri.getRawAuthority().isEmpty()) {
            throw new IllegalArgumentException("'" + text + "' has no host name after " + scheme + "://");
        }
        var path = uri.getRawPath() == null ? "" : uri.getRawPath();
        if (path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        // A reverse proxy may serve Parley under a prefix: ws://host/parley → /parley/ws.
        path = path.endsWith("/ws") ? path : path + "/ws";
        return fromHostPort(uri.getRawAuthority(), scheme, path);
    }

    private static URI fromHostPort(String authority, String scheme, String path) {
        if (authority.contains("@")) {
            throw new IllegalArgumentException("Address must not contain a user name ('@'): " + authority);
        }
        String host = authority;
        int port = DEFAULT_PORT;
        if (authority.startsWith("[")) {
            int close = authority.indexOf(']');
            if (close < 0) {
                throw new IllegalArgumentException("IPv6 address '" + authority + "' is missing its closing ']'");
            }
            host = authority.substring(1, close);
            var rest = authority.substring(close + 1);
            if (!rest.isEmpty()) {
                if (!rest.startsWith(":")) {
                    throw new IllegalArgumentException("Unexpected '" + rest + "' after the IPv6 address in '" + authority + "'");
                }
                port = port(rest.substring(1), authority);
            }
        } else if (authority.chars().filter(c -> c == ':').count() > 1) {
            host = authority; // a bare IPv6 address such as ::1 has no port
        } else {
            var matcher = HOST_PORT.matcher(authority);
            if (matcher.matches()) {
                host = matcher.group(1);
                port = port(matcher.group(2), authority);
            } else if (authority.contains(":")) {
                throw new IllegalArgumentException("Port must be a number from 1 to 65535 in '" + authority + "'");
            }
        }
        checkHost(host, authority);
        try {
            return new URI(scheme, null, host, port, path, null, null);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("'" + authority + "' is not a valid address: " + e.getReason());
        }
    }

    private static int port(String digits, String authority) {
        int port;
        try {
            port = Integer.parseInt(digits);
        } catch (NumberFormatException e) {
            port = -1;
        }
        if (port < 1 || port > 65_535) {
            throw new IllegalArgumentException("Port must be a number from 1 to 65535, not '" + digits + "' in '" + authority + "'");
        }
        return port;
    }

    private static void checkHost(String host, String authority) {
        if (host.isEmpty()) {
            throw new IllegalArgumentException("Address '" + authority + "' has no host name");
        }
        boolean ipv6 = host.contains(":");
        if (ipv6 ? !host.matches("[0-9A-Fa-f:.%\\w]+") : !HOST_NAME.matcher(host).matches()) {
            throw new IllegalArgumentException("'" + host + "' is not a valid host name or IP address");
        }
    }
}
