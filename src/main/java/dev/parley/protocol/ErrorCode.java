package dev.parley.protocol;

import java.util.Locale;

/// The error codes of design.md, as they appear on the wire in `error.code`.
public enum ErrorCode {
    BAD_JSON,
    BAD_MESSAGE,
    TOO_LARGE,
    RATE_LIMITED,
    UNKNOWN_ROOM,
    UNKNOWN_USER,
    AUTH_FAILED,
    NAME_INVALID,
    SERVER_FULL,
    /// v2: a shared file the server does not hold.
    UNKNOWN_FILE,
    /// A search or history read that would exceed its time budget, or one too many at once.
    TOO_BUSY,
    /// Joining would make more rooms than the server's `--max-rooms`.
    TOO_MANY_ROOMS,
    /// An error whose code we do not know: the seed's string payload, or a newer server's code.
    OTHER;

    /// The wire spelling, e.g. `bad_json`.
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    /// Reads a wire code; anything unknown (or null) is [#OTHER], never an exception.
    public static ErrorCode fromWire(String code) {
        if (code == null) {
            return OTHER;
        }
        for (var value : values()) {
            if (value.wire().equals(code)) {
                return value;
            }
        }
        return OTHER;
    }
}
