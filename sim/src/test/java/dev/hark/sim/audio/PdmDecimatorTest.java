package dev.hark.sim.audio;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hark.sim.audio.PdmDecimator.BitOrder;
import dev.hark.testing.Fast;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The decimator's contract: silence, chunking, words against bytes, bit order, sample count, saturation, settings. */
@Fast
class PdmDecimatorTest {
    private static final int[] DECIMATIONS = {64, 80, 128};

    @Test
    void alternatingBitsAreExactSilenceFromTheFirstSampleInTheStartingPhase() {
        for (int decimation : DECIMATIONS) {
            for (BitOrder order : BitOrder.values()) {
                byte[] pdm = new byte[decimation * 500];
                Arrays.fill(pdm, (byte) (order == BitOrder.MSB_FIRST ? 0x55 : 0xAA));
                short[] pcm = new PdmDecimator(decimation, order, 65536).pushBytes(pdm);
                assertEquals(pdm.length / (decimation / 8), pcm.length);
                assertArrayEquals(new short[pcm.length], pcm, decimation + " " + order);
            }
        }
    }

    @Test
    void alternatingBitsInTheOtherPhaseClickOnceAndAreThenExactSilence() {
        for (BitOrder order : BitOrder.values()) {
            byte[] pdm = new byte[8 * 4000];
            Arrays.fill(pdm, (byte) (order == BitOrder.MSB_FIRST ? 0xAA : 0x55));
            short[] pcm = new PdmDecimator(64, order, 65536).pushBytes(pdm);
            assertTrue(pcm[20] != 0, "the click where the phases meet");
            // The click's DC goes back out through the DC blocker (time constant 256 samples).
            assertArrayEquals(new short[1000], Arrays.copyOfRange(pcm, 3000, 4000), order.name());
        }
    }

    @Test
    void chunksOfAnySizeGiveWhatOneCallGives() {
        Random random = new Random(10);
        for (int decimation : DECIMATIONS) {
            byte[] pdm = randomBytes(random, 20_000);
            short[] whole = new PdmDecimator(decimation, BitOrder.MSB_FIRST, 1024).pushBytes(pdm);
            PdmDecimator chunked = new PdmDecimator(decimation, BitOrder.MSB_FIRST, 1024);
            short[] out = new short[PdmDecimator.maxSamples(pdm.length)];
            int written = 0;
            for (int at = 0; at < pdm.length; ) {
                int size = Math.min(pdm.length - at, random.nextInt(3) == 0 ? random.nextInt(3) : random.nextInt(700));
                int n = chunked.pushBytes(pdm, at, size, out, written);
                assertTrue(n <= PdmDecimator.maxSamples(size), n + " samples from " + size + " bytes");
                written += n;
                at += size;
            }
            assertArrayEquals(whole, Arrays.copyOf(out, written), "decimation " + decimation);
        }
    }

    @Test
    void wordsAreTheirBytesInTimeOrder() {
        Random random = new Random(11);
        byte[] pdm = randomBytes(random, 8_000);
        for (BitOrder order : BitOrder.values()) {
            short[] words = new short[pdm.length / 2];
            for (int i = 0; i < words.length; i++) {
                int first = pdm[2 * i] & 0xFF;
                int second = pdm[2 * i + 1] & 0xFF;
                words[i] = (short) (order == BitOrder.MSB_FIRST ? first << 8 | second : second << 8 | first);
            }
            PdmDecimator fromWords = new PdmDecimator(80, order, 256);
            short[] out = new short[PdmDecimator.maxSamples(pdm.length)];
            int n = fromWords.pushWords(words, 0, words.length, out, 0);
            assertArrayEquals(new PdmDecimator(80, order, 256).pushBytes(pdm), Arrays.copyOf(out, n), order.name());
        }
    }

    @Test
    void lsbFirstBytesAreMsbFirstBytesWithTheirBitsReversed() {
        byte[] pdm = randomBytes(new Random(12), 10_000);
        byte[] reversed = new byte[pdm.length];
        for (int i = 0; i < pdm.length; i++) {
            reversed[i] = (byte) PdmDecimator.reverseBits(pdm[i] & 0xFF);
        }
        assertArrayEquals(new PdmDecimator(64, BitOrder.MSB_FIRST, 300).pushBytes(pdm),
                new PdmDecimator(64, BitOrder.LSB_FIRST, 300).pushBytes(reversed));
    }

    @Test
    void allOnesIsFullScaleThatTheDcBlockerTakesBackToZero() {
        for (int pattern : new int[] {0xFF, 0x00}) {
            byte[] pdm = new byte[8 * 16_000];
            Arrays.fill(pdm, (byte) pattern);
            short[] pcm = new PdmDecimator(64, BitOrder.MSB_FIRST, 256).pushBytes(pdm);
            int peak = 0;
            for (short s : pcm) {
                peak = Math.max(peak, Math.abs(s));
            }
            // Full scale in is full scale out (saturated), then the DC blocker (time constant 256 samples) decays.
            assertEquals(pattern == 0xFF ? 32767 : 32768, peak);
            assertEquals(0, pcm[pcm.length - 1]);
        }
    }

    @Test
    void settingsOutOfRangeAreRefusedByName() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new PdmDecimator(96, BitOrder.MSB_FIRST, 256));
        assertTrue(e.getMessage().startsWith("PDM decimation must be one of 64, 80, 128"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new PdmDecimator(64, BitOrder.MSB_FIRST, 0));
        assertTrue(e.getMessage().startsWith("PDM gain must be in 1..65536"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new PdmDecimator(64, BitOrder.MSB_FIRST, 65537));
        assertThrows(IllegalArgumentException.class, () -> new PdmDecimator(64, null, 256));
    }

    private static byte[] randomBytes(Random random, int count) {
        byte[] bytes = new byte[count];
        random.nextBytes(bytes);
        return bytes;
    }
}
