package dev.parley.discovery;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/// The DNS-SD side of an announcement: service type, instance name and TXT keys. Each TXT
/// string holds at most 255 bytes (RFC 6763 §6.1), so long values are cut at a character
/// boundary and the room list at a whole room.
final class ServiceTxt {

    static final String SERVICE_TYPE = "_parley._tcp.local.";
    static final String VERSION = "1";

    static final String KEY_VERSION = "v";
    static final String KEY_NAME = "name";
    static final String KEY_ROOMS = "rooms";
    static final String KEY_MEMBERS = "members";
    static final String KEY_PASSWORD = "password";
    static final String KEY_TLS = "tls";
    static final String KEY_FINGERPRINT = "fingerprint";
    static final String KEY_PATH = "path";

    /// Room names cannot contain a comma (protocol `Names.room`), so it separates them.
    private static final String ROOM_SEPARATOR = ",";
    private static final int MAX_ENTRY_BYTES = 255;
    /// A DNS label holds 63 bytes; the full name travels in the TXT record.
    private static final int MAX_INSTANCE_BYTES = 63;

    private ServiceTxt() {}

    static Map<String, String> encode(AnnouncedRoom room) {
        var txt = new LinkedHashMap<String, String>();
        txt.put(KEY_VERSION, VERSION);
        txt.put(KEY_NAME, cut(room.serverName(), MAX_ENTRY_BYTES - KEY_NAME.length() - 1));
        txt.put(KEY_ROOMS, rooms(room.rooms(), MAX_ENTRY_BYTES - KEY_ROOMS.length() - 1));
        txt.put(KEY_MEMBERS, Integer.toString(room.members()));
        txt.put(KEY_PASSWORD, yesNo(room.passwordProtected()));
        txt.put(KEY_TLS, yesNo(room.tls()));
        if (!room.fingerprint().isEmpty()) {
            // JmDNS reads an empty value back as a boolean key ("true"), so empty means absent.
            txt.put(KEY_FINGERPRINT, cut(room.fingerprint(), MAX_ENTRY_BYTES - KEY_FINGERPRINT.length() - 1));
        }
        txt.put(KEY_PATH, "/ws");
        return txt;
    }

    /// Reads what another host announced; missing or odd values fall back to safe defaults
    /// (no members, password and TLS off unless said "yes").
    static DiscoveredRoom decode(String instanceName, String host, int port, Map<String, String> txt) {
        var name = txt.getOrDefault(KEY_NAME, "");
        var rooms = txt.getOrDefault(KEY_ROOMS, "");
        return DiscoveredRoom.of(name.isBlank() ? instanceName : name, host, port,
                rooms.isEmpty() ? List.of() : Arrays.asList(rooms.split(ROOM_SEPARATOR)),
                count(txt.get(KEY_MEMBERS)), "yes".equals(txt.get(KEY_PASSWORD)), "yes".equals(txt.get(KEY_TLS)),
                txt.getOrDefault(KEY_FINGERPRINT, ""));
    }

    /// The DNS-SD instance name: the server name without dots (JmDNS would read them as label
    /// separators), cut to one DNS label.
    static String instanceName(AnnouncedRoom room) {
        return cut(room.serverName().strip().replace('.', ' ').replace('\\', ' '), MAX_INSTANCE_BYTES);
    }

    private static String rooms(List<String> rooms, int maxBytes) {
        var joined = new StringBuilder();
        for (var room : rooms) {
            var next = joined.isEmpty() ? room : joined + ROOM_SEPARATOR + room;
            if (bytes(next) > maxBytes) {
                break;
            }
            joined.setLength(0);
            joined.append(next);
        }
        return joined.toString();
    }

    static String cut(String value, int maxBytes) {
        // Every character takes at least one byte, so no more than maxBytes of them can fit.
        var end = Math.min(value.length(), maxBytes);
        if (end > 0 && end < value.length() && Character.isLowSurrogate(value.charAt(end))) {
            end--;
        }
        while (bytes(value.substring(0, end)) > maxBytes) {
            end = value.offsetByCodePoints(end, -1);
        }
        return value.substring(0, end);
    }

    private static int bytes(String value) {
        return value.getBytes(StandardCharsets.UTF_8).length;
    }

    private static int count(String value) {
        try {
            return value == null ? 0 : Math.max(0, Integer.parseInt(value.strip()));
        } catch (NumberFormatException notANumber) {
            return 0;
        }
    }

    private static String yesNo(boolean value) {
        return value ? "yes" : "no";
    }
}
