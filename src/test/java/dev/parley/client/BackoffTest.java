package dev.parley.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class BackoffTest {

    private static final Duration MIN = Duration.ofMillis(500);
    private static final Duration MAX = Duration.ofSeconds(30);

    @Test
    void eachAttemptWaitsBetweenHalfAndAllOfItsDoubledCeiling() {
        for (int attempt = 0; attempt < 12; attempt++) {
            long ceiling = Math.min(30_000, 500L << (attempt + 1));
            for (double r : new double[] {0.0, 0.25, 0.5, 0.999}) {
                long wait = Backoff.delay(MIN, MAX, attempt, r).toMillis();
                assertThat(wait).as("attempt %d, r %s", attempt, r)
                        .isBetween(Math.max(500, ceiling / 2), ceiling);
            }
        }
    }

    @Test
    void growsToTheMaximumAndStaysThere() {
        assertThat(Backoff.delay(MIN, MAX, 0, 0.0)).isEqualTo(MIN);
        assertThat(Backoff.delay(MIN, MAX, 3, 0.999).toMillis()).isBetween(7_900L, 8_000L);
        assertThat(Backoff.delay(MIN, MAX, 6, 0.999)).isLessThanOrEqualTo(MAX);
        assertThat(Backoff.delay(MIN, MAX, 40, 0.999)).isLessThanOrEqualTo(MAX).isGreaterThanOrEqualTo(Duration.ofSeconds(15));
        assertThat(Backoff.delay(MIN, MAX, Integer.MAX_VALUE, 0.5)).isBetween(Duration.ofSeconds(15), MAX);
    }

    @Test
    void jitterSpreadsClientsThatLostTheServerTogether() {
        var random = new Random(42);
        var waits = new ArrayList<Long>();
        for (int client = 0; client < 50; client++) {
            waits.add(Backoff.delay(MIN, MAX, 5, random.nextDouble()).toMillis());
        }
        assertThat(waits.stream().distinct().count()).isGreaterThan(40);
        assertThat(waits).allSatisfy(w -> assertThat(w).isBetween(15_000L, 30_000L));
    }

    @Test
    void theFirstReconnectIsSpreadToo() {
        var random = new Random(7);
        var waits = new ArrayList<Long>();
        for (int client = 0; client < 2_000; client++) {
            waits.add(Backoff.delay(MIN, MAX, 0, random.nextDouble()).toMillis());
        }
        assertThat(waits).allSatisfy(w -> assertThat(w).isBetween(500L, 1_000L));
        // After a restart 2,000 clients arrive over half a second, not in one millisecond.
        assertThat(waits.stream().filter(w -> w < 550).count()).isLessThan(300);
        assertThat(waits.stream().filter(w -> w > 950).count()).isLessThan(300);
    }

    @Test
    void resetStartsAgainFromTheMinimum() {
        var backoff = new Backoff(MIN, MAX, () -> 0.999);
        var first = List.of(backoff.next(), backoff.next(), backoff.next(), backoff.next());
        assertThat(first).isSortedAccordingTo(Duration::compareTo);
        assertThat(first.get(3).toMillis()).isGreaterThan(first.get(0).toMillis() * 4);
        backoff.reset();
        assertThat(backoff.attempts()).isZero();
        assertThat(backoff.next()).isBetween(MIN, MIN.multipliedBy(2));
    }

    @Test
    void refusesAnImpossibleRange() {
        assertThatThrownBy(() -> new Backoff(Duration.ZERO, MAX, () -> 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Backoff(MAX, MIN, () -> 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
