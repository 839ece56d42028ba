package dev.parley.ui;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/// Lenient reading of the wire's times and short human durations for the window.
final class Times {

    private Times() {}

    /// ISO-8601 (what Parley and the seed send) or epoch milliseconds; anything else is `fallback`.
    static Instant parse(String value, Instant fallback) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return Instant.parse(value.strip());
        } catch (DateTimeParseException e) {
            try {
                return Instant.ofEpochMilli(Long.parseLong(value.strip()));
            } catch (NumberFormatException notNumber) {
                return fallback;
            }
        }
    }

    /// `42s`, `5m 03s`, `2h 05m`: how long someone has been connected.
    static String ago(Duration d) {
        long s = Math.max(0, d.toSeconds());
        if (s < 60) {
            return s + "s";
        }
        if (s < 3600) {
            return "%dm %02ds".formatted(s / 60, s % 60);
        }
        return "%dh %02dm".formatted(s / 3600, (s % 3600) / 60);
    }
}
