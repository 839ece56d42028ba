package dev.parley.ui.notify;

import java.util.Locale;

/// What others see of a member: present, away from the keyboard, or not to be disturbed. The
/// wire names are those of `presence` member `status` (design.md, protocol v2).
public enum Availability {
    ONLINE, AWAY, DND;

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    /// The status named on the wire; anything unknown (or missing, from an older server) is online.
    public static Availability fromWire(String status) {
        if (status == null) {
            return ONLINE;
        }
        return switch (status.toLowerCase(Locale.ROOT)) {
            case "away" -> AWAY;
            case "dnd" -> DND;
            default -> ONLINE;
        };
    }
}
