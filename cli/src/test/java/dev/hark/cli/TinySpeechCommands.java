package dev.hark.cli;

import dev.hark.sim.audio.WavFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import dev.hark.trainer.data.SpeakerSplit;
import dev.hark.trainer.data.Split;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.IntStream;

/**
 * A tiny corpus in Speech Commands layout for the commands that train: 8 speakers, 3 words (the keyword "sheila"),
 * 2 clips each, a background recording. A keyword clip is a loud 600 Hz burst over noise, another word quieter noise
 * or a tone, so one epoch learns something.
 */
final class TinySpeechCommands {
    static final String KEYWORD = "sheila";
    static final List<String> WORDS = List.of(KEYWORD, "marvin", "wow");
    static final int SPEAKERS = 8;
    static final int CLIPS_PER_WORD = 2;

    private TinySpeechCommands() {
    }

    /** Writes the corpus, speakers {@code spk0} to {@code spk7}, under {@code root} and returns it. */
    static Path write(Path root) throws IOException {
        return write(root, IntStream.range(0, SPEAKERS).mapToObj(s -> "spk" + s).toList());
    }

    /**
     * Writes the corpus with the given speakers: enough of them that hark's default split by speaker gives each split
     * both classes ({@link #speakersInEverySplit}).
     */
    static Path write(Path root, List<String> speakers) throws IOException {
        Random random = new Random(5);
        for (String word : WORDS) {
            Path folder = Files.createDirectories(root.resolve(word));
            for (String speaker : speakers) {
                for (int i = 0; i < CLIPS_PER_WORD; i++) {
                    WavFile.write(folder.resolve(speaker + "_nohash_" + i + ".wav"),
                            clip(random, word.equals(KEYWORD)));
                }
            }
        }
        short[] hum = new short[16000 * 30];
        for (int i = 0; i < hum.length; i++) {
            hum[i] = (short) (random.nextGaussian() * 300);
        }
        WavFile.write(Files.createDirectories(root.resolve("_background_noise_")).resolve("hum.wav"), hum);
        return root;
    }

    /** The first speakers {@code spk<n>} that put {@code perSplit} speakers into each split of the default rule. */
    static List<String> speakersInEverySplit(int perSplit) {
        SpeakerSplit split = SpeakerSplit.defaultSplit();
        Map<Split, List<String>> bySplit = new EnumMap<>(Split.class);
        for (int n = 0; bySplit.size() < Split.values().length
                || bySplit.values().stream().anyMatch(l -> l.size() < perSplit); n++) {
            String speaker = "spk" + n;
            List<String> in = bySplit.computeIfAbsent(split.of(speaker), k -> new ArrayList<>());
            if (in.size() < perSplit) {
                in.add(speaker);
            }
        }
        return bySplit.values().stream().flatMap(List::stream).toList();
    }

    private static short[] clip(Random random, boolean keyword) {
        short[] s = new short[16000];
        double frequency = keyword ? 600 : 200 + random.nextInt(2000);
        double level = keyword ? 6000 + random.nextInt(4000) : random.nextInt(3000);
        for (int i = 0; i < s.length; i++) {
            double tone = i >= 4000 && i < 12000 ? level * Math.sin(2 * Math.PI * frequency * i / 16000) : 0;
            s[i] = (short) Math.max(-32768, Math.min(32767, random.nextGaussian() * 200 + tone));
        }
        return s;
    }
}
