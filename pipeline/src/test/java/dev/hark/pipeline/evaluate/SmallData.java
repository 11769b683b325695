package dev.hark.pipeline.evaluate;

import dev.hark.pipeline.quantize.CalibrationPolicy;
import dev.hark.pipeline.quantize.ModelDescription;
import dev.hark.sim.audio.WavFile;
import dev.hark.sim.kernels.Rounding;
import dev.hark.sim.model.QuantizedModel;
import dev.hark.trainer.augment.BenchmarkData;
import dev.hark.trainer.data.SpeakerSplit;
import dev.hark.trainer.data.SpeechCommandsFolder;
import dev.hark.trainer.data.Split;
import dev.hark.trainer.features.FeatureSet;
import dev.hark.trainer.floatref.CrnnWeights;
import dev.hark.trainer.floatref.RandomCrnnWeights;
import dev.hark.trainer.model.CrnnConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Small data the pipeline tests make themselves: folders in Speech Commands layout of synthesized clips (a keyword
 * is a loud tone burst, other words quieter noise or tones), and a small CRNN of the front end's shape with random
 * weights, quantized as every model is.
 */
public final class SmallData {
    public static final String KEYWORD = "sheila";
    public static final List<String> OTHER_WORDS = List.of("marvin", "wow");

    private SmallData() {
    }

    /** The first {@code count} speaker ids {@code spk<n>} that the default split puts in {@code split}. */
    public static List<String> speakers(Split split, int count) {
        List<String> found = new ArrayList<>();
        for (int n = 0; found.size() < count; n++) {
            if (SpeakerSplit.defaultSplit().of("spk" + n) == split) {
                found.add("spk" + n);
            }
        }
        return found;
    }

    /**
     * A data set of 3 TRAIN and 2 DEV speakers, 2 clips a word each and 20 s of noise, written under {@code root}:
     * enough to train a tiny CRNN, mine its false alarms and keep an epoch.
     */
    public static BenchmarkData trainAndDev(Path root) throws IOException {
        List<String> speakers = new ArrayList<>(speakers(Split.TRAIN, 3));
        speakers.addAll(speakers(Split.DEV, 2));
        return BenchmarkData.of(SpeechCommandsFolder.load(folder(root, speakers, 2, 20, 1)), KEYWORD, true);
    }

    /**
     * Writes {@code clipsPerWord} clips of the keyword and of each other word for every speaker, and a
     * {@code noiseSeconds} background recording unless 0.
     */
    public static Path folder(Path root, List<String> speakers, int clipsPerWord, int noiseSeconds, long seed)
            throws IOException {
        Random random = new Random(seed);
        List<String> words = new ArrayList<>(List.of(KEYWORD));
        words.addAll(OTHER_WORDS);
        for (String word : words) {
            Path dir = Files.createDirectories(root.resolve(word));
            for (String speaker : speakers) {
                for (int i = 0; i < clipsPerWord; i++) {
                    WavFile.write(dir.resolve(speaker + "_nohash_" + i + ".wav"), clip(random, word.equals(KEYWORD)));
                }
            }
        }
        if (noiseSeconds > 0) {
            WavFile.write(Files.createDirectories(root.resolve("_background_noise_")).resolve("hum.wav"),
                    noise(random, 16000 * noiseSeconds, 300));
        }
        return root;
    }

    /** One second: a keyword is a loud 600 Hz burst in the middle, any other clip a quieter noise or tone. */
    static short[] clip(Random random, boolean keyword) {
        short[] s = noise(random, 16000, 100 + random.nextInt(400));
        double frequency = keyword ? 600 : 200 + random.nextInt(2000);
        double level = keyword ? 6000 + random.nextInt(4000) : random.nextInt(3000);
        for (int i = 4000; i < 12000; i++) {
            s[i] = (short) Math.max(-32768, Math.min(32767, s[i] + level * Math.sin(2 * Math.PI * frequency * i
                    / 16000)));
        }
        return s;
    }

    static short[] noise(Random random, int n, double level) {
        short[] s = new short[n];
        for (int i = 0; i < n; i++) {
            s[i] = (short) Math.max(-32768, Math.min(32767, random.nextGaussian() * level));
        }
        return s;
    }

    /** A CRNN of the front end's shape, small enough to score and listen fast. */
    public static CrnnWeights weights(long seed) {
        CrnnConfig config = CrnnConfig.builder().optConvChannels(2).optGruHidden(8).optGruLayers(1).build();
        return RandomCrnnWeights.of(config, seed, 0.1);
    }

    /** {@code weights} quantized, calibrated on {@code clips}. */
    public static QuantizedModel model(CrnnWeights weights, FeatureSet clips) {
        return CalibrationPolicy.quantize(weights, ModelDescription.of(weights.config(), KEYWORD, "test"), clips,
                CalibrationPolicy.DEFAULT_PLAN, Rounding.DOUBLE);
    }
}
