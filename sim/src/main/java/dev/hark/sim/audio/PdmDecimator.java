package dev.hark.sim.audio;

import static dev.hark.sim.audio.PdmFilters.BYTE_BITS;
import static dev.hark.sim.audio.PdmFilters.CIC_ORDER;
import static dev.hark.sim.audio.PdmFilters.DC_BLOCK_SHIFT;
import static dev.hark.sim.audio.PdmFilters.DC_TO_OUTPUT_SHIFT;
import static dev.hark.sim.audio.PdmFilters.FIR_DECIMATION;
import static dev.hark.sim.audio.PdmFilters.FIR_HALF;
import static dev.hark.sim.audio.PdmFilters.FIR_TAPS;
import static dev.hark.sim.audio.PdmFilters.FIR_TO_DC_SHIFT;
import static dev.hark.sim.audio.PdmFilters.GAIN_FRACTION_BITS;
import static dev.hark.sim.audio.PdmFilters.MAX_GAIN_Q8;

import java.util.Arrays;

/**
 * PDM (1-bit, 1.024, 1.28 or 2.048 MHz) to 16 kHz int16 PCM, in integers only: the reference the C decimator
 * (firmware-template/hark-audio, hark_pdm.h) follows step for step, bit for bit. docs/pdm.md gives the design and
 * its reasons; {@link PdmFilters} holds the constants.
 *
 * <p>For each PDM byte (bits in time order, see {@link BitOrder}): the first stage sums the byte look-up tables over
 * the newest {@value PdmFilters#BYTE_SPAN} bytes (sinc^5 over 8 bits, one value per byte, -8^5..8^5); five
 * integrators (32-bit, wrapping) run at the byte rate; every R bytes five combs give the CIC's output, which is scaled
 * to Q14 and enters the FIR; every second CIC output the FIR (71 taps, Q15, int32 sum) gives a value that is shifted
 * to the DC blocker's scale, high-passed and multiplied by the gain into a saturated int16. Output sample k therefore
 * comes out with the byte that completes 2 R (k + 1) bytes, whatever the chunks the bytes arrive in.
 *
 * <p>A new decimator has heard silence forever: its byte history is alternating bits, 0 first (which the first stage
 * maps to exactly 0), its integrators, combs, FIR line and DC blocker are zero. So a stream that goes on alternating
 * in the same phase (bytes 0x55 most significant bit first, 0xAA least significant bit first) gives exactly zero PCM
 * from the first sample on; the other phase gives one short click (the two equal bits where the phases meet).
 */
public final class PdmDecimator {
    /** Which bit of a byte (or 16-bit word) is the earliest PDM sample. */
    public enum BitOrder {
        /** The most significant bit first, as SPI and I2S peripherals shift in (STM32). */
        MSB_FIRST,
        /** The least significant bit first (e.g. a PIO program shifting right, an LSB-first SPI). */
        LSB_FIRST
    }

    /**
     * Silence as the bytes hold it: alternating bits, 0 first (0x55 read most significant bit first, 0xAA least
     * significant bit first). The first stage maps any four bytes of alternating bits to exactly 0.
     */
    static final int SILENCE_MSB_FIRST = 0x55555555;
    static final int SILENCE_LSB_FIRST = 0xAAAAAAAA;

    private final PdmFilters.Decimation decimation;
    private final BitOrder bitOrder;
    private final int gainQ8;
    /** The byte sums of the bit order, indexed by the bytes as they arrive. */
    private final int[][] byteSums;
    private final short[] fir = PdmFilters.firShared();

    /** The previous four bytes as they arrived, the newest in the low byte. */
    private int history;
    private final int[] integrators = new int[CIC_ORDER];
    private final int[] combs = new int[CIC_ORDER];
    /** Bytes until the next CIC output. */
    private int cicCountdown;
    /** The FIR's input, written twice (at pos and pos + FIR_TAPS) so the window [pos, pos + FIR_TAPS) is whole. */
    private final short[] firLine = new short[2 * FIR_TAPS];
    private int firPosition;
    private int firPhase;
    private int dcInput;
    private int dcOutput;

    /**
     * @param decimation PDM rate / 16 kHz: 64, 80 or 128
     * @param bitOrder   the earliest bit of each byte or word
     * @param gainQ8     output gain, 256 = 0 dB, 1..65536
     * @throws IllegalArgumentException naming the parameter if one is out of range
     */
    public PdmDecimator(int decimation, BitOrder bitOrder, int gainQ8) {
        this.decimation = PdmFilters.decimation(decimation, "PDM decimation");
        if (bitOrder == null) {
            throw new IllegalArgumentException("PDM bit order must be given");
        }
        if (gainQ8 < 1 || gainQ8 > MAX_GAIN_Q8) {
            throw new IllegalArgumentException("PDM gain must be in 1..65536 (256 = 0 dB), got " + gainQ8);
        }
        this.bitOrder = bitOrder;
        this.gainQ8 = gainQ8;
        this.byteSums = PdmFilters.byteSumsShared()[bitOrder == BitOrder.MSB_FIRST ? 0 : 1];
        this.cicCountdown = this.decimation.cicDecimation();
        this.history = bitOrder == BitOrder.MSB_FIRST ? SILENCE_MSB_FIRST : SILENCE_LSB_FIRST;
    }

    /** The most samples one push of {@code bytes} bytes can give (at decimation 64; fewer at 80 and 128). */
    public static int maxSamples(int bytes) {
        return bytes / (PdmFilters.MIN_DECIMATION / BYTE_BITS) + 1;
    }

    /** Decimates {@code pdm} whole; see {@link #pushBytes(byte[], int, int, short[], int)}. */
    public short[] pushBytes(byte[] pdm) {
        short[] out = new short[maxSamples(pdm.length)];
        int n = pushBytes(pdm, 0, pdm.length, out, 0);
        return Arrays.copyOf(out, n);
    }

    /**
     * Consumes {@code count} PDM bytes in time order and writes the PCM samples they complete.
     *
     * @return the samples written at {@code out[outOffset...]}; room for {@link #maxSamples(int)} is enough
     */
    public int pushBytes(byte[] pdm, int offset, int count, short[] out, int outOffset) {
        int written = 0;
        for (int i = 0; i < count; i++) {
            written += pushByte(pdm[offset + i] & 0xFF, out, outOffset + written);
        }
        return written;
    }

    /**
     * Consumes {@code count} 16-bit PDM words in time order, each a 16-bit shift register: with
     * {@link BitOrder#MSB_FIRST} bit 15 is the earliest (the high byte comes first), with {@link BitOrder#LSB_FIRST}
     * bit 0 (the low byte first).
     *
     * @return the samples written; room for {@link #maxSamples(int)} of {@code 2 * count} is enough
     */
    public int pushWords(short[] pdm, int offset, int count, short[] out, int outOffset) {
        int written = 0;
        for (int i = 0; i < count; i++) {
            int word = pdm[offset + i] & 0xFFFF;
            int first = bitOrder == BitOrder.MSB_FIRST ? word >>> 8 : word & 0xFF;
            int second = bitOrder == BitOrder.MSB_FIRST ? word & 0xFF : word >>> 8;
            written += pushByte(first, out, outOffset + written);
            written += pushByte(second, out, outOffset + written);
        }
        return written;
    }

    /** One byte through the chain; returns the samples written (0 or 1). */
    private int pushByte(int b, short[] out, int outIndex) {
        // Stage 1: sinc^5 over 8 bits, from the newest byte and the four before it (history, newest lowest).
        int value = byteSums[0][b] + byteSums[1][history & 0xFF] + byteSums[2][(history >>> 8) & 0xFF]
                + byteSums[3][(history >>> 16) & 0xFF] + byteSums[4][history >>> 24];
        history = history << 8 | b;
        // Stage 2: CIC integrators at the byte rate; Java int wraps as C's uint32_t does.
        integrators[0] += value;
        for (int i = 1; i < CIC_ORDER; i++) {
            integrators[i] += integrators[i - 1];
        }
        if (--cicCountdown > 0) {
            return 0;
        }
        cicCountdown = decimation.cicDecimation();
        int comb = integrators[CIC_ORDER - 1];
        for (int i = 0; i < CIC_ORDER; i++) {
            int delayed = combs[i];
            combs[i] = comb;
            comb -= delayed;
        }
        // To Q14 by the high word of a 64-bit product, rounded: |comb| <= (8 R)^5, so at most 2^14 + 1.
        long scaled = ((long) comb * decimation.multiplier() + (1L << 31)) >> 32;
        firLine[firPosition] = (short) scaled;
        firLine[firPosition + FIR_TAPS] = (short) scaled;
        firPosition = firPosition + 1 == FIR_TAPS ? 0 : firPosition + 1;
        if (++firPhase < FIR_DECIMATION) {
            return 0;
        }
        firPhase = 0;
        out[outIndex] = finish(firSum());
        return 1;
    }

    /** The FIR over the window [firPosition, firPosition + FIR_TAPS): symmetric taps, pairs added first. */
    private int firSum() {
        int base = firPosition;
        int sum = fir[FIR_HALF] * firLine[base + FIR_HALF];
        for (int k = 0; k < FIR_HALF; k++) {
            sum += fir[k] * (firLine[base + k] + firLine[base + FIR_TAPS - 1 - k]);
        }
        return sum;
    }

    /** DC blocker and gain: the FIR's sum (full scale 2^29) to saturated int16. */
    private short finish(int firSum) {
        int value = (firSum + (1 << (FIR_TO_DC_SHIFT - 1))) >> FIR_TO_DC_SHIFT;
        dcOutput = dcOutput - (dcOutput >> DC_BLOCK_SHIFT) + value - dcInput;
        dcInput = value;
        int shift = GAIN_FRACTION_BITS + DC_TO_OUTPUT_SHIFT;
        long gained = ((long) dcOutput * gainQ8 + (1L << (shift - 1))) >> shift;
        return (short) Math.max(Short.MIN_VALUE, Math.min(Short.MAX_VALUE, gained));
    }

    /** Byte {@code b} (0..255) with its bits in reverse order. */
    public static int reverseBits(int b) {
        return Integer.reverse(b) >>> (Integer.SIZE - BYTE_BITS);
    }
}
