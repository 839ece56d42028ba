package dev.parley.protocol;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/// An invitation to one room of one server, in the two forms a host hands out:
/// the browser address `http(s)://HOST:PORT/?room=ROOM` (what a phone opens from a QR code) and
/// the app link `parley://HOST:PORT/ROOM?fp=FINGERPRINT` (what the app joins from, pinning the
/// certificate of a TLS room to `fingerprint` instead of asking on first use). `host` is a name
/// or an address, IPv6 without brackets; `fingerprint` is null for a room without TLS.
public record Invite(String host, int port, String room, String fingerprint) {

    public static final String SCHEME = "parley";
    /// Design.md's default port, for a link without one.
    private static final int DEFAULT_PORT = 3001;

    public Invite {
        if (host == null || host.isBlank()) {
            throw new IllegalArgumentException("an invite needs a host");
        }
        if (port < 1 || port > 65_535) {
            throw new IllegalArgumentException("port must be 1-65535, not " + port);
        }
        room = room == null || room.isBlank() ? Names.DEFAULT_ROOM : room;
        fingerprint = fingerprint == null || fingerprint.isBlank() ? null : Fingerprint.normalize(fingerprint);
    }

    public boolean tls() {
        return fingerprint != null;
    }

    /// `http://HOST:PORT/?room=ROOM` (`https://` for a TLS room).
    public String browserUrl() {
        return (tls() ? "https" : "http") + "://" + authority() + "/?room=" + encode(room);
    }

    /// `http(s)://HOST:PORT/check`: the page that tests, from the joiner's device, each step of joining.
    public String checkUrl() {
        return (tls() ? "https" : "http") + "://" + authority() + "/check";
    }

    /// `parley://HOST:PORT/ROOM`, with `?fp=` and the fingerprint's 64 hex digits for a TLS room.
    public String appLink() {
        var link = SCHEME + "://" + authority() + "/" + encode(room);
        return tls() ? link + "?fp=" + fingerprint.replace(":", "") : link;
    }

    /// The WebSocket address to connect to: `ws://HOST:PORT/ws`, `wss://` for a TLS room.
    public URI serverUri() {
        return URI.create((tls() ? "wss" : "ws") + "://" + authority() + "/ws");
    }

    private String authority() {
        return (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
    }

    /// True when `text` is meant as an app link (starts with `parley:`), valid or not.
    public static boolean isAppLink(String text) {
        return text != null && text.strip().toLowerCase(Locale.ROOT).startsWith(SCHEME + ":");
    }

    /// Reads an app link; throws [IllegalArgumentException] with a message fit for the user.
    public static Invite parse(String link) {
        if (!isAppLink(link)) {
            throw new IllegalArgumentException("an invite link starts with parley://");
        }
        URI uri;
        try {
            uri = new URI(link.strip());
        } catch (URISyntaxException bad) {
            throw new IllegalArgumentException("the invite link cannot be read: " + bad.getReason());
        }
        if (uri.getHost() == null) {
            throw new IllegalArgumentException("the invite link has no server: " + link.strip());
        }
        var host = uri.getHost().startsWith("[") ? uri.getHost().substring(1, uri.getHost().length() - 1) : uri.getHost();
        var path = uri.getRawPath() == null ? "" : uri.getRawPath();
        var room = path.length() <= 1 ? null : URLDecoder.decode(path.substring(1).replaceAll("/+$", ""), StandardCharsets.UTF_8);
        if (room != null && Names.room(room) instanceof Checked.Refused<String>(var code, var message, var ref)) {
            throw new IllegalArgumentException("the invite's room is not valid: " + message);
        }
        return new Invite(host, uri.getPort() > 0 ? uri.getPort() : DEFAULT_PORT, room, parameter(uri, "fp"));
    }

    private static String parameter(URI uri, String name) {
        if (uri.getRawQuery() == null) {
            return null;
        }
        for (var pair : uri.getRawQuery().split("&")) {
            var equals = pair.indexOf('=');
            if (equals > 0 && pair.substring(0, equals).equals(name)) {
                return URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
            }
        }
        return null;
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
