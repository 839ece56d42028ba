package dev.parley.client;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PacerTest {

    private static final long SECOND = 1_000_000_000L;

    @Test
    void allowsAShortBurstThenSpacesFramesBelowTheAdvertisedRate() {
        var pacer = new Pacer(10, 0);
        int burst = 0;
        while (pacer.take(0) == 0) {
            burst++;
        }
        assertThat(burst).isEqualTo(5);
        long now = 0;
        int sent = 0;
        while (now < 10 * SECOND) {
            long wait = pacer.take(now);
            if (wait == 0) {
                sent++;
            } else {
                now += wait;
            }
        }
        assertThat(sent).as("frames in 10 s after the burst").isBetween(78, 82);
    }

    @Test
    void aSlowerRateFromTheWelcomeShrinksWhatIsSaved() {
        var pacer = new Pacer(20, 0);
        pacer.setRate(2);
        assertThat(pacer.take(0)).isZero();
        assertThat(pacer.take(0)).isPositive().isLessThanOrEqualTo(SECOND);
    }

    @Test
    void zeroMeansUnlimited() {
        var pacer = new Pacer(0, 0);
        for (int i = 0; i < 1_000; i++) {
            assertThat(pacer.take(0)).isZero();
        }
    }
}
