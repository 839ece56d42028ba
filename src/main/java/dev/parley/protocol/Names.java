package dev.parley.protocol;

import java.util.regex.Pattern;

/// Validation of display names (`clientId`) and room names, shared by server and clients.
public final class Names {

    public static final String DEFAULT_ROOM = "lobby";

    private static final Pattern ROOM = Pattern.compile("[\\p{L}\\p{N} ._-]{1," + Limits.MAX_ROOM_CHARS + "}");

    private Names() {}

    /// Trims, then accepts 1–32 characters (code points) with no control or format characters.
    /// Format characters (zero-width joiners, bidi overrides) would let one name look like another.
    public static Checked<String> clientId(String raw) {
        if (raw == null) {
            return Checked.refused(ErrorCode.NAME_INVALID, "name is missing");
        }
        var name = raw.strip();
        int length = name.codePointCount(0, name.length());
        if (length == 0) {
            return Checked.refused(ErrorCode.NAME_INVALID, "name is blank");
        }
        if (length > Limits.MAX_NAME_CHARS) {
            return Checked.refused(ErrorCode.NAME_INVALID, "name is longer than " + Limits.MAX_NAME_CHARS + " characters");
        }
        boolean hidden = name.codePoints().anyMatch(c -> Character.isISOControl(c) || Character.getType(c) == Character.FORMAT);
        if (hidden) {
            return Checked.refused(ErrorCode.NAME_INVALID, "name contains control characters");
        }
        return Checked.ok(name);
    }

    /// Trims, then accepts 1–32 letters, digits, spaces, `-`, `_` and `.`.
    public static Checked<String> room(String raw) {
        if (raw == null) {
            return Checked.refused(ErrorCode.BAD_MESSAGE, "room is missing");
        }
        var room = raw.strip();
        if (!ROOM.matcher(room).matches()) {
            return Checked.refused(ErrorCode.BAD_MESSAGE,
                    "room must be 1-" + Limits.MAX_ROOM_CHARS + " letters, digits, spaces, '-', '_' or '.'");
        }
        return Checked.ok(room);
    }
}
