package dev.hark.trainer.augment;

import dev.hark.testing.Fast;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Each transform, through {@link Augmenter#apply} with a hand-made plan, does what it says. */
@Fast
class AudioTransformsTest {
    private final Augmenter augmenter = new Augmenter(AugmentationConfig.defaults(), TestSignals.whiteBank(), 1);

    private short[] apply(short[] clip, double speed, int shift, int noise, int offset, double snr, double gain) {
        return augmenter.apply(clip, new AugmentationPlan(speed, shift, noise, offset, snr, gain));
    }

    @Test
    void shiftMovesTheEnergyBySoManySamples() {
        short[] clip = TestSignals.toneBurst(6000, 10000, 5000);
        double before = TestSignals.energyCentroid(clip);
        assertEquals(before + 1600, TestSignals.energyCentroid(apply(clip, 1, 1600, -1, 0, 0, 0)), 1e-6);
        assertEquals(before - 1234, TestSignals.energyCentroid(apply(clip, 1, -1234, -1, 0, 0, 0)), 1e-6);
        short[] early = apply(clip, 1, -1600, -1, 0, 0, 0);
        for (int i = early.length - 1600; i < early.length; i++) {
            assertEquals(0, early[i], "vacated samples are zero");
        }
    }

    @Test
    void gainScalesRms() {
        short[] clip = TestSignals.toneBurst(2000, 14000, 4000);
        double rms = TestSignals.rms(clip);
        assertEquals(Math.pow(10, 6 / 20.0), TestSignals.rms(apply(clip, 1, 0, -1, 0, 0, 6)) / rms, 1e-3);
        assertEquals(Math.pow(10, -4.5 / 20.0), TestSignals.rms(apply(clip, 1, 0, -1, 0, 0, -4.5)) / rms, 1e-3);
    }

    @Test
    void gainSaturatesAtInt16() {
        short[] loud = TestSignals.toneBurst(0, 16000, 30000);
        short[] out = apply(loud, 1, 0, -1, 0, 0, 6);
        int max = 0;
        int min = 0;
        for (short s : out) {
            max = Math.max(max, s);
            min = Math.min(min, s);
        }
        assertEquals(Short.MAX_VALUE, max);
        assertEquals(Short.MIN_VALUE, min);
    }

    @Test
    void noiseIsMixedAtTheRequestedSnr() {
        short[] clip = TestSignals.toneBurst(1000, 15000, 3000);
        float[] clean = AudioTransforms.toFloat(clip);
        double signalPower = AudioTransforms.meanSquare(clean);
        for (double snr : new double[] {0, 7.5, 20}) {
            for (int rec = 0; rec < 2; rec++) {
                short[] mixed = apply(clip, 1, 0, rec, 500, snr, 0);
                float[] noise = new float[clip.length];
                for (int i = 0; i < noise.length; i++) {
                    noise[i] = mixed[i] - clip[i];
                }
                double measured = 10 * Math.log10(signalPower / AudioTransforms.meanSquare(noise));
                assertEquals(snr, measured, 0.05, "recording " + rec);
            }
        }
    }

    @Test
    void noiseComesFromTheNamedExcerpt() {
        short[] silence = new short[16000];
        short[] a = apply(silence, 1, 0, 0, 100, 0, 0);
        short[] b = apply(silence, 1, 0, 0, 101, 0, 0);
        // one sample later in the recording = the same noise one sample earlier in the clip
        for (int i = 0; i < 15999; i++) {
            assertEquals(a[i + 1], b[i]);
        }
        // a silent clip gets noise at MIN_SIGNAL_RMS (SNR 0)
        assertEquals(AudioTransforms.MIN_SIGNAL_RMS, TestSignals.rms(a), 1.0);
    }

    @Test
    void speedChangesTheDurationOfAToneBurst() {
        short[] clip = TestSignals.toneBurst(4000, 12000, 8000); // 0.5 s burst, centred
        int span = TestSignals.activeSpan(clip, 4000);
        for (double speed : new double[] {0.9, 1.1, 0.95, 1.05}) {
            double q = Augmenter.quantizeSpeed(speed);
            short[] out = apply(clip, q, 0, -1, 0, 0, 0);
            assertEquals(span / q, TestSignals.activeSpan(out, 4000), 20, "speed " + q);
            assertEquals(8000, TestSignals.energyCentroid(out), 20, "stays centred at speed " + q);
        }
    }

    @Test
    void speedKeepsTheClipLength() {
        short[] clip = TestSignals.toneBurst(0, 16000, 1000);
        assertEquals(16000, apply(clip, 0.9, 0, -1, 0, 0, 0).length);
        assertEquals(16000, apply(clip, 1.1, 0, -1, 0, 0, 0).length);
        assertTrue(TestSignals.rms(apply(clip, 0.9, 0, -1, 0, 0, 0)) > 600);
    }
}
