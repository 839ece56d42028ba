package dev.parley.protocol;

import java.util.regex.Pattern;

/// Validation of display names (`clientId`) and room names, shared by server and clients.
public final class Names {

    public static final String DEFAULT_ROOM = "lobby";

    private static final Pattern ROOM = Pattern.compile("[\\p{L}\\p{N} ._-]{1," + Limits.MAX_ROOM_CHARS + "}");

    private static final int ZWJ = 0x200D;
    private static final int EMOJI_STYLE = 0xFE0F;

    private Names() {}

    /// Trims, then accepts 1–32 characters (code points), not all of them blank, with no control,
    /// format, line-separator or unpaired surrogate characters. Format characters (zero-width
    /// joiners, bidi overrides) would let one name look like another.
    public static Checked<String> clientId(String raw) {
        if (raw == null) {
            return Checked.refused(ErrorCode.NAME_INVALID, "name is missing");
        }
        var name = raw.strip();
        int length = name.codePointCount(0, name.length());
        if (invisible(name)) {
            return Checked.refused(ErrorCode.NAME_INVALID, "name is blank");
        }
        if (length > Limits.MAX_NAME_CHARS) {
            return Checked.refused(ErrorCode.NAME_INVALID, "name is longer than " + Limits.MAX_NAME_CHARS + " characters");
        }
        if (hasHidden(name)) {
            return Checked.refused(ErrorCode.NAME_INVALID, "name contains control or invisible characters");
        }
        return Checked.ok(name);
    }

    private static boolean hasHidden(String name) {
        int[] points = name.codePoints().toArray();
        for (int i = 0; i < points.length; i++) {
            if (hidden(points[i]) && !(points[i] == ZWJ && joinsEmoji(points, i))) {
                return true;
            }
        }
        return false;
    }

    /// A zero-width joiner inside an emoji sequence (👩‍💻, 👩🏽‍💻, ❤️‍🔥) is part of a visible
    /// picture; anywhere else it hides a difference between two names.
    private static boolean joinsEmoji(int[] points, int at) {
        if (at == 0 || at == points.length - 1 || !Character.isExtendedPictographic(points[at + 1])) {
            return false;
        }
        int before = points[at - 1];
        return Character.isExtendedPictographic(before) || Character.isEmojiModifier(before) || before == EMOJI_STYLE;
    }

    /// Control, format (zero-width, bidi), line-breaking and unpaired surrogate code points.
    private static boolean hidden(int c) {
        return switch (Character.getType(c)) {
            // Unassigned code points stay allowed: they may be emoji newer than this JDK's Unicode.
            case Character.CONTROL, Character.FORMAT, Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR,
                 Character.SURROGATE -> true;
            default -> false;
        };
    }

    /// True when nothing of `text` would be seen: empty, or only spaces (also no-break and
    /// ideographic ones), control and format characters. JavaScript's `trim()` in the seed
    /// drops some of these that Java's `strip()` keeps.
    static boolean invisible(String text) {
        return text.codePoints().allMatch(c -> Character.isWhitespace(c) || Character.isSpaceChar(c)
                || Character.isISOControl(c) || Character.getType(c) == Character.FORMAT);
    }

    /// True when `text` holds a high or low surrogate without its partner.
    static boolean hasLoneSurrogate(String text) {
        return text.codePoints().anyMatch(c -> Character.getType(c) == Character.SURROGATE);
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
