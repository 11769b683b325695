package dev.hark.testing;

import dev.hark.sim.audio.WavFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

/**
 * A small folder of labelled recordings, as a user hands them to {@code hark evaluate} and the evaluate goal: twelve
 * one-second noise clips (every third loud and labelled {@code sheila}, the others {@code wow}) of four speakers, and
 * a CSV that lists them with one recording listed a second time as the keyword, so that two scores tie and au_fa_fr is
 * above 0. The same files on every JVM.
 */
public final class LabelledRecordings {
    private LabelledRecordings() {
    }

    /** Writes the clips and {@code clips.csv} into {@code dir}; returns the CSV (13 rows under its header). */
    public static Path write(Path dir) throws IOException {
        Random random = new Random(4);
        StringBuilder rows = new StringBuilder("path,label,speaker\n");
        for (int i = 0; i < 12; i++) {
            short[] samples = new short[16000];
            for (int k = 0; k < samples.length; k++) {
                samples[k] = (short) (random.nextGaussian() * (i % 3 == 0 ? 4000 : 300));
            }
            WavFile.write(dir.resolve("clip" + i + ".wav"), samples);
            rows.append("clip").append(i).append(".wav,").append(i % 3 == 0 ? "sheila" : "wow").append(",spk")
                    .append(i % 4).append('\n');
        }
        rows.append("clip1.wav,sheila,spk9\n");
        return Files.writeString(dir.resolve("clips.csv"), rows.toString());
    }
}
