package dev.hark.trainer.augment;

import dev.hark.trainer.data.Split;

import java.nio.file.Path;
import java.util.Locale;
import java.util.stream.IntStream;

/**
 * Not a test: measures what on-the-fly augmentation costs per clip and per epoch on the real benchmark's TRAIN
 * split. Run: {@code java -cp <test-classes:classes:deps> dev.hark.trainer.augment.AugmentationCostProbe
 * ../shared/data/speech-commands}.
 */
public final class AugmentationCostProbe {
    private AugmentationCostProbe() {
    }

    public static void main(String[] args) throws Exception {
        BenchmarkData data = BenchmarkData.realSpeech(Path.of(args[0]));
        long t0 = System.nanoTime();
        AugmentedFeatures f = data.trainingFeatures(AugmentationConfig.defaults(), 1);
        System.out.printf(Locale.ROOT, "loaded %d TRAIN clips in %.2f s%n", f.size(), (System.nanoTime() - t0) / 1e9);
        Augmenter speedOnly = new Augmenter(AugmentationConfig.none().withSpeed(1, 0.9, 1.1),
                NoiseBank.empty(), 1);
        short[] clip = f.audio(0, 0);
        for (int round = 0; round < 3; round++) { // the first rounds warm up the JIT
            int n = f.size();
            long a = System.nanoTime();
            for (int i = 0; i < n; i++) {
                f.cleanFeatures(i);
            }
            long b = System.nanoTime();
            for (int i = 0; i < n; i++) {
                f.audio(i, round);
            }
            long c = System.nanoTime();
            for (int i = 0; i < n; i++) {
                f.features(i, round);
            }
            long d = System.nanoTime();
            for (int i = 0; i < n; i++) {
                speedOnly.augment(clip, i, round);
            }
            long e = System.nanoTime();
            final int epoch = round;
            IntStream.range(0, n).parallel().forEach(i -> f.features(i, epoch + 10));
            long g = System.nanoTime();
            System.out.printf(Locale.ROOT, "round %d: per clip: front end %.2f ms, augmentation (defaults) %.2f ms,"
                            + " both %.2f ms, speed perturbation alone %.2f ms; epoch of %d clips: %.1f s on 1 thread,"
                            + " %.1f s parallel (%d cores)%n", round, (b - a) / 1e6 / n, (c - b) / 1e6 / n,
                    (d - c) / 1e6 / n, (e - d) / 1e6 / n, n, (d - c) / 1e9, (g - e) / 1e9,
                    Runtime.getRuntime().availableProcessors());
        }
        System.out.println(Split.TRAIN + " noise bank: " + f.augmenter().noise().size() + " recordings");
    }
}
