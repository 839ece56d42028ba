package dev.parley.ui.notify;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ToneTest {

    @Test
    void theChimeIsShortAudibleAndEndsQuiet() {
        var pcm = Tone.samples();
        int frames = pcm.length / 2;
        assertThat(frames / Tone.RATE).isBetween(0.1f, 0.5f);
        int loudest = 0;
        for (int i = 0; i < frames; i++) {
            loudest = Math.max(loudest, Math.abs((short) ((pcm[2 * i] & 0xff) | (pcm[2 * i + 1] << 8))));
        }
        int last = Math.abs((short) ((pcm[pcm.length - 2] & 0xff) | (pcm[pcm.length - 1] << 8)));
        assertThat(loudest).isGreaterThan(Short.MAX_VALUE / 5);
        assertThat(last).isLessThan(Short.MAX_VALUE / 100);
    }

    @Test
    void playingWithOrWithoutASoundDeviceNeverThrows() {
        // CI has no sound card: this must answer false quietly; a desktop with one plays the chime.
        new Tone().playNow();
    }
}
