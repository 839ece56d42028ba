package dev.parley.ui.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/// The window's own reading of wire times agrees with `Instant.parse` wherever it answers, and
/// leaves everything else to it.
class TimesTest {

    private static final Instant FALLBACK = Instant.ofEpochSecond(42);

    @Test
    void agreesWithInstantParseOnTenThousandRandomTimesWithEveryFractionLength() {
        var random = new SplittableRandom(7);
        for (int i = 0; i < 10_000; i++) {
            var instant = Instant.ofEpochSecond(random.nextLong(-62_135_596_800L, 253_402_300_799L), random.nextInt(1_000_000_000));
            var iso = instant.toString(); // 0, 3, 6 or 9 fraction digits
            assertThat(Times.parseUtc(iso)).as(iso).isEqualTo(Instant.parse(iso));
            int digits = 1 + random.nextInt(9);
            var cut = iso.substring(0, 19) + "." + "%09d".formatted(instant.getNano()).substring(0, digits) + "Z";
            assertThat(Times.parseUtc(cut)).as(cut).isEqualTo(Instant.parse(cut));
        }
        assertThat(Times.parseUtc("1970-01-01T00:00:00Z")).isEqualTo(Instant.EPOCH);
        assertThat(Times.parseUtc("2024-02-29T23:59:59.5Z")).isEqualTo(Instant.parse("2024-02-29T23:59:59.500Z"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"2023-02-29T10:00:00Z", "2026-04-31T10:00:00Z", "2026-13-01T10:00:00Z", "2026-00-10T10:00:00Z",
            "2026-11-25T24:00:00Z", "2026-11-25T10:60:00Z", "2016-12-31T23:59:60Z", "2026-11-25t10:00:00Z",
            "2026-11-25T10:00:00+01:00", "2026-11-25T10:00:00", "2026-11-25T10:00:00.Z", "2026-11-25T10:00:00.1234567891Z",
            "2026-11-25T10:0a:00Z", "+12026-11-25T10:00:00Z", " 2026-11-25T10:00:00Z ", "2026-11-25 10:00:00Z", "1732528800000"})
    void leavesAnythingElseToInstantParseOrTheFallback(String value) {
        assertThat(Times.parseUtc(value)).isNull();
        Instant expected;
        try {
            expected = Instant.parse(value.strip());
        } catch (DateTimeParseException e) {
            expected = value.strip().chars().allMatch(Character::isDigit) ? Instant.ofEpochMilli(Long.parseLong(value)) : FALLBACK;
        }
        assertThat(Times.parse(value, FALLBACK)).isEqualTo(expected);
    }
}
