package dev.parley.ui.files;

import java.util.Locale;

/// Sizes and speeds as people read them: `812 B`, `4.2 MB`, `1.1 GB/s` (units of 1000, as file
/// managers show them).
public final class Sizes {

    private static final String[] UNITS = {"B", "kB", "MB", "GB", "TB"};

    private Sizes() {}

    public static String bytes(long count) {
        double value = Math.max(0, count);
        int unit = 0;
        while (value >= 999.5 && unit < UNITS.length - 1) {
            value /= 1000;
            unit++;
        }
        return unit == 0 ? (long) value + " B" : String.format(Locale.ROOT, value < 9.95 ? "%.1f %s" : "%.0f %s", value, UNITS[unit]);
    }

    public static String speed(double bytesPerSecond) {
        return bytes(Math.round(bytesPerSecond)) + "/s";
    }
}
