package dev.parley.ui.notify;

import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.LineUnavailableException;

/// The notification sound: a short two-note chime made on the spot (no sound file to ship or
/// load), played on a virtual thread. Without an audio device, or with the device busy, it stays
/// silent: a missing sound must never disturb the chat.
public final class Tone {

    static final float RATE = 44_100f;
    private static final double[] NOTES = {880.0, 1318.5};
    private static final double NOTE_SECONDS = 0.09;

    private static final System.Logger LOG = System.getLogger(Tone.class.getName());

    private final byte[] samples = samples();

    /// Plays the chime without waiting for it.
    public void play() {
        Thread.ofVirtual().name("parley-tone").start(this::playNow);
    }

    /// Plays the chime and returns when it has been played; false when there was no device.
    boolean playNow() {
        var format = new AudioFormat(RATE, 16, 1, true, false);
        try (var line = AudioSystem.getSourceDataLine(format)) {
            line.open(format);
            line.start();
            line.write(samples, 0, samples.length);
            line.drain();
            return true;
        } catch (LineUnavailableException | IllegalArgumentException | SecurityException e) {
            LOG.log(System.Logger.Level.DEBUG, "no sound: " + e);
            return false;
        }
    }

    /// 16-bit little-endian mono PCM: each note a sine that fades out, so it ends without a click.
    static byte[] samples() {
        int perNote = (int) (RATE * NOTE_SECONDS);
        var pcm = new byte[NOTES.length * perNote * 2];
        int at = 0;
        for (double frequency : NOTES) {
            for (int i = 0; i < perNote; i++) {
                double fade = 1.0 - (double) i / perNote;
                short value = (short) (Math.sin(2 * Math.PI * frequency * i / RATE) * fade * 0.3 * Short.MAX_VALUE);
                pcm[at++] = (byte) value;
                pcm[at++] = (byte) (value >> 8);
            }
        }
        return pcm;
    }
}
