package dev.parley.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.testfx.api.FxToolkit;

/// Keeps the window flood working: a few seconds into the real window, enough lines (8,000) for
/// the list to drop its oldest while it follows the end. It checks what the flood counts (every
/// message a line, pulses measured, the log scrolls up to the room's first line), not how fast:
/// timing is what `src/bench/window-flood.sh` prints.
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class WindowFloodSmokeTest {

    @BeforeAll
    static void startJavaFx() throws Exception {
        // TestFX starts the platform once per JVM, whichever test class comes first; the
        // flood then finds it running and opens its window on a stage of its own.
        FxToolkit.registerPrimaryStage();
    }

    @Test
    void everyMessageBecomesAWindowLineAndThePulseGapsAreReported() throws Exception {
        var printed = new ByteArrayOutputStream();
        var result = new WindowFlood(FloodOptions.parse("--rate", "2000", "--seconds", "3", "--senders", "2",
                "--warmup-seconds", "1", "--drain-seconds", "20"), new PrintStream(printed, true, StandardCharsets.UTF_8))
                .execute();
        var output = printed.toString(StandardCharsets.UTF_8);
        System.out.print(output);

        assertThat(result.sent()).as(output).isGreaterThan(7_000);
        assertThat(result.arrived()).as(output).isTrue();
        assertThat(result.lines().chat()).as(output).isEqualTo(result.sent());
        assertThat(result.lines().distinctSeqs()).as(output).isEqualTo(result.sent());
        assertThat(result.lines().system()).as("both senders' joins").isGreaterThanOrEqualTo(2);
        assertThat(result.complete()).as(output).isTrue();
        assertThat(result.pulses().pulses()).as(output).isPositive();
        assertThat(result.pulses().maxMillis()).as(output).isPositive();
        assertThat(result.pulses().millis(99)).as(output).isBetween(1.0, result.pulses().maxMillis());
        assertThat(result.scroll().works()).as(output).isTrue();
        assertThat(result.scroll().heldWhileFollowing()).as("the list kept the newest lines").isLessThan((int) result.sent());
        assertThat(result.scroll().homePresses()).as("older lines put in front at the top").isGreaterThan(1);
        assertThat(output).contains("warm-up 1 s (not counted)")
                .containsPattern("RESULT rate=2000 .*sent=\\d+ .*pulses=\\d+ gap_p50_ms=[0-9.]+ gap_p99_ms=[0-9.]+ "
                        + "gap_p999_ms=[0-9.]+ gap_max_ms=[0-9.]+ gaps_over_50ms=\\d+ .*scrollable=true list_held=\\d+ home_presses=\\d+ ");
    }
}
