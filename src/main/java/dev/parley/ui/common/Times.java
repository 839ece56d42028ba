package dev.parley.ui.common;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;

/// Lenient reading of the wire's times and short human durations for the window.
public final class Times {

    private Times() {}

    /// ISO-8601 (what Parley and the seed send) or epoch milliseconds; anything else is `fallback`.
    public static Instant parse(String value, Instant fallback) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        var utc = parseUtc(value);
        if (utc != null) {
            return utc;
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

    /// The form Parley and the seed send, `2026-11-25T10:00:00.123Z` (no fraction or 1–9 of its
    /// digits), read without `Instant.parse`, which builds a new formatter and a map of fields for
    /// every call: under a flood that was a visible share of the FX thread's time and allocation.
    /// Null for anything else (offsets, leap seconds, years past 9999), which `Instant.parse` reads.
    static Instant parseUtc(String v) {
        int n = v.length();
        if (n < 20 || n > 30 || v.charAt(n - 1) != 'Z' || v.charAt(4) != '-' || v.charAt(7) != '-'
                || v.charAt(10) != 'T' || v.charAt(13) != ':' || v.charAt(16) != ':') {
            return null;
        }
        int year = digits(v, 0, 4), month = digits(v, 5, 2), day = digits(v, 8, 2);
        int hour = digits(v, 11, 2), minute = digits(v, 14, 2), second = digits(v, 17, 2);
        int nanos = 0;
        if (n > 20) {
            int fraction = n - 21;
            if (v.charAt(19) != '.' || fraction < 1 || fraction > 9) {
                return null;
            }
            nanos = digits(v, 20, fraction);
            for (int i = fraction; i < 9; i++) {
                nanos *= 10;
            }
        }
        if ((year | month | day | hour | minute | second | nanos) < 0 || month < 1 || month > 12 || day < 1
                || day > YearMonth.of(year, month).lengthOfMonth() || hour > 23 || minute > 59 || second > 59) {
            return null;
        }
        long days = LocalDate.of(year, month, day).toEpochDay();
        return Instant.ofEpochSecond(days * 86_400 + hour * 3_600L + minute * 60L + second, nanos);
    }

    /// The decimal number in `count` characters from `from`, or -1 if one of them is not a digit.
    private static int digits(String v, int from, int count) {
        int value = 0;
        for (int i = from; i < from + count; i++) {
            char c = v.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    /// `42s`, `5m 03s`, `2h 05m`: how long someone has been connected.
    public static String ago(Duration d) {
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
