package dev.hark.pipeline.train;

import dev.hark.pipeline.soundstream.HeldOutMaterial;
import dev.hark.pipeline.workspace.WorkspaceConflictException;
import dev.hark.sim.audio.WavFile;
import dev.hark.sim.frontend.FrontendConfig;
import dev.hark.sim.io.AtomicFiles;
import dev.hark.trainer.augment.BenchmarkData;
import dev.hark.trainer.data.Clip;
import dev.hark.trainer.data.Split;
import dev.hark.trainer.eval.DetectorTiming;
import dev.hark.trainer.eval.FiringWindows;
import dev.hark.trainer.eval.FloatStreamingModel;
import dev.hark.trainer.eval.VariedStream;
import dev.hark.trainer.eval.VariedStreamBuilder;
import dev.hark.trainer.floatref.CrnnWeights;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * One round of hard-negative mining: the float model listens (state carried, the default detector at the recipe's
 * threshold) to streams built as the sound stream measurement builds its streams ({@link VariedStreamBuilder}), but
 * of training material alone ({@link Material}: the TRAIN split's, or a cross-validation fold's training speakers')
 * and without keywords and synthetic speech (the sentences belong to no split, and the test streams use them); the
 * second before each detection becomes a negative clip.
 *
 * <p>A round's windows are written once, atomically, to {@code <dir>/round-N.wav} (the windows end to end, one
 * second each) beside a list of what mined them and where each came from ({@code round-N.txt}, written first); a run
 * that is killed and started again reads them instead of mining again, so it trains on the same clips, and a run with
 * other mining settings refuses them.
 */
public final class HardNegativeMining {
    /** The word of mined negatives (never a keyword: words starting with {@code _} are not words). */
    public static final String WORD = "_hard_negative_";
    /** Each stream's length: the network starts afresh on each, as in the sound stream measurement. */
    static final double STREAM_HOURS = 1;

    private HardNegativeMining() {
    }

    /**
     * What a round's streams are made of: the training material's negative words and background, loaded only when a
     * round mines (a rerun reads its windows back instead).
     *
     * @param name   how the log names the streams, e.g. "TRAIN"
     * @param loader loads the material
     */
    public record Material(String name, Loader loader) {
        /** The TRAIN split's word clips and its portion of each background recording. */
        public static Material trainingSplit(BenchmarkData data) {
            return new Material("TRAIN", () -> HeldOutMaterial.of(data, Split.TRAIN, List.of()));
        }

        /**
         * Some speakers' word clips, whatever their split (a fold's training speakers), with the TRAIN portion of
         * each background recording, which no fold is tested on.
         */
        public static Material trainingSpeakers(BenchmarkData data, Set<String> speakers) {
            Set<String> copy = Set.copyOf(speakers);
            return new Material("training-speaker", () -> HeldOutMaterial.ofSpeakers(data, copy, Split.TRAIN,
                    List.of()));
        }

        /** @throws IOException if a clip cannot be read */
        public HeldOutMaterial load() throws IOException {
            return loader.load();
        }
    }

    /** Loads a {@link Material}. */
    public interface Loader {
        /** @throws IOException if a clip cannot be read */
        HeldOutMaterial load() throws IOException;
    }

    /** The file round {@code round}'s windows are kept in. */
    public static Path windowsFile(Path dir, int round) {
        return dir.resolve("round-" + round + ".wav");
    }

    /**
     * The windows of round {@code round} (1-based): read when mined before, else mined with {@code weights} and kept.
     * Round {@code r} listens to its own streams (numbers after those of earlier rounds), so no round hears another's.
     */
    public static List<Clip> round(Material material, CrnnWeights weights, StreamTrainingRecipe recipe, int round,
                                   long seed, Path dir, PrintStream log) throws IOException {
        Path file = windowsFile(dir, round);
        String settings = "# mined by: " + recipe.fingerprint(round) + " seed=" + seed;
        if (Files.isRegularFile(file)) {
            String written = Files.readAllLines(listFile(file)).get(0);
            if (!written.equals(settings)) {
                throw new WorkspaceConflictException(file + ": these windows were mined with other settings ("
                        + written.substring(2) + "); delete " + dir + " or choose another --work");
            }
            List<Clip> clips = read(file);
            log.printf(Locale.ROOT, "[mining] round %d: reusing %d windows in %s%n", round, clips.size(), file);
            return clips;
        }
        HeldOutMaterial held = material.load();
        VariedStreamBuilder.Material negatives = new VariedStreamBuilder.Material(List.of(),
                held.material().words(), held.material().background(), List.of());
        VariedStreamBuilder builder = new VariedStreamBuilder(negatives, held.noise(), seed);
        int streams = (int) Math.ceil(recipe.miningHours() / STREAM_HOURS - 1e-9);
        List<FiringWindows.Window> found = new ArrayList<>();
        for (int i = 0; i < streams; i++) {
            int number = (round - 1) * streams + i;
            double seconds = 3600 * Math.min(STREAM_HOURS, recipe.miningHours() - i * STREAM_HOURS);
            VariedStream stream = builder.build(number, seconds);
            FloatStreamingModel model = new FloatStreamingModel(weights, FrontendConfig.FEATURE_QUANT,
                    weights.config().convSteps());
            List<FiringWindows.Window> w = FiringWindows.of(model, stream, number, DetectorTiming.DEFAULT,
                    recipe.miningThreshold());
            log.printf(Locale.ROOT, "[mining] round %d: %s stream %d (%.2f h): %d detections at %d%n", round,
                    material.name(), number, stream.hours(), w.size(), recipe.miningThreshold());
            found.addAll(w);
        }
        List<FiringWindows.Window> kept = FiringWindows.strongest(found, recipe.maxMinedPerRound());
        write(file, settings, kept);
        log.printf(Locale.ROOT, "[mining] round %d: %d windows kept of %d, written to %s%n", round, kept.size(),
                found.size(), file);
        return read(file);
    }

    /** Where each of the windows in {@code file} came from, and what mined them. */
    private static Path listFile(Path file) {
        String name = file.getFileName().toString();
        return file.resolveSibling(name.substring(0, name.length() - ".wav".length()) + ".txt");
    }

    private static void write(Path file, String settings, List<FiringWindows.Window> windows) throws IOException {
        StringBuilder list = new StringBuilder(settings + "\n# window,stream,end_second,score\n");
        short[] all = new short[windows.size() * FiringWindows.WINDOW_SAMPLES];
        for (int i = 0; i < windows.size(); i++) {
            FiringWindows.Window w = windows.get(i);
            list.append(String.format(Locale.ROOT, "%d,%d,%.3f,%d%n", i, w.stream(),
                    w.endSample() / (double) FrontendConfig.SAMPLE_RATE_HZ, w.score()));
            System.arraycopy(w.samples(), 0, all, i * FiringWindows.WINDOW_SAMPLES, FiringWindows.WINDOW_SAMPLES);
        }
        Files.createDirectories(file.getParent());
        AtomicFiles.writeString(listFile(file), list.toString());
        WavFile.write(file, all); // atomically, after the list: its presence means the round is complete
    }

    /**
     * The windows a round wrote to {@code file} ({@link #windowsFile}), as negative clips.
     *
     * @throws IOException naming the file if it is not whole one-second windows
     */
    public static List<Clip> read(Path file) throws IOException {
        short[] all = WavFile.read(file);
        if (all.length % FiringWindows.WINDOW_SAMPLES != 0) {
            throw new IOException(file + ": " + all.length + " samples are not whole windows of "
                    + FiringWindows.WINDOW_SAMPLES);
        }
        List<Clip> clips = new ArrayList<>();
        for (int i = 0; i < all.length / FiringWindows.WINDOW_SAMPLES; i++) {
            short[] samples = Arrays.copyOfRange(all, i * FiringWindows.WINDOW_SAMPLES,
                    (i + 1) * FiringWindows.WINDOW_SAMPLES);
            clips.add(new Clip(file.resolveSibling(file.getFileName() + "#" + i), WORD, "mined", samples));
        }
        return clips;
    }
}
