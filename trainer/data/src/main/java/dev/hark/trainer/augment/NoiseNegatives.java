package dev.hark.trainer.augment;

import dev.hark.trainer.data.Clip;
import dev.hark.trainer.data.NoiseRecording;
import dev.hark.trainer.data.Split;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The benchmark's noise-only negative clips, made deterministically from the background recordings: each
 * recording's {@link NoisePartition} portion for a split is cut into consecutive, non-overlapping one-second
 * excerpts (a shorter remainder is dropped), and excerpt {@code k} is scaled to an RMS level drawn uniformly in
 * [{@value #MIN_LEVEL_DBFS}, {@value #MAX_LEVEL_DBFS}] dBFS from the stream named
 * {@code "hark-noise-negative/1:<recording>:<split>:<k>"} (saturating to int16). The levels span near-silence
 * to speech loudness (real clips here sit at about -34..-18 dBFS), as Speech Commands' own silence clips do.
 *
 * <p>A clip's word is {@value #WORD}, its speaker the recording name, and its source the recording's path with
 * {@code #<split>-<k>} appended: a name for the excerpt, unique across splits, not a file to read.
 */
public final class NoiseNegatives {
    /** The word of noise-only negatives (never a keyword: words starting with {@code _} are not words). */
    public static final String WORD = "_background_noise_";
    public static final double MIN_LEVEL_DBFS = -50;
    public static final double MAX_LEVEL_DBFS = -20;

    private static final int CLIP = Clip.LENGTH;
    private static final double FULL_SCALE = 32768.0;

    private NoiseNegatives() {
    }

    /** The noise negatives of {@code split}, recording by recording in the given order, then by time. */
    public static List<Clip> clips(List<NoiseRecording> recordings, Split split) {
        List<Clip> out = new ArrayList<>();
        for (NoiseRecording r : recordings) {
            short[] s = r.samples();
            int start = NoisePartition.start(s.length, split);
            int count = (NoisePartition.end(s.length, split) - start) / CLIP;
            for (int k = 0; k < count; k++) {
                float[] excerpt = new float[CLIP];
                for (int i = 0; i < CLIP; i++) {
                    excerpt[i] = s[start + k * CLIP + i];
                }
                double level = ClipRandom.named("hark-noise-negative/1:" + r.name() + ":" + split + ":" + k)
                        .uniform(MIN_LEVEL_DBFS, MAX_LEVEL_DBFS);
                double rms = Math.sqrt(AudioTransforms.meanSquare(excerpt));
                if (rms > 0) {
                    AudioTransforms.gain(excerpt, level - 20 * StrictMath.log10(rms / FULL_SCALE));
                }
                Path source = r.source().resolveSibling(r.source().getFileName() + "#"
                        + split.name().toLowerCase(Locale.ROOT) + "-" + k);
                out.add(new Clip(source, WORD, r.name(), AudioTransforms.toInt16(excerpt)));
            }
        }
        return out;
    }

    /** How many clips {@link #clips} makes for {@code split} without making them. */
    public static int count(List<NoiseRecording> recordings, Split split) {
        int n = 0;
        for (NoiseRecording r : recordings) {
            int len = r.samples().length;
            n += (NoisePartition.end(len, split) - NoisePartition.start(len, split)) / CLIP;
        }
        return n;
    }
}
