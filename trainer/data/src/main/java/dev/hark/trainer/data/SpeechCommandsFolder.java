package dev.hark.trainer.data;

import dev.hark.sim.audio.AudioReading;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A folder in Google Speech Commands layout, as the real data set and the synthetic corpus both use:
 * <pre>
 *   root/&lt;word&gt;/&lt;speaker&gt;_nohash_&lt;n&gt;.wav    one-second 16 kHz mono 16-bit clips
 *   root/_background_noise_/*.wav              long noise recordings (exposed separately)
 * </pre>
 * Folders whose name starts with {@code _} (such as {@code _background_noise_} and {@code _silence_}) or
 * {@code .} are not words; files other than {@code *.wav} (manifests, READMEs) are ignored. The speaker id is
 * the part of the file name before the first {@code _nohash_} (anything may follow it, e.g.
 * {@code 563aa4e6_nohash_2__source.wav}). Clips are
 * listed without reading them, in a stable order (by word, then file name).
 */
public final class SpeechCommandsFolder {
    /** The folder of long noise recordings. */
    public static final String BACKGROUND_NOISE = "_background_noise_";

    /** The speaker is everything before the first {@code _nohash_}, as in the data set's own which_set rule. */
    private static final Pattern CLIP_NAME = Pattern.compile("(.+?)_nohash_.*\\.wav");

    private final Path root;
    private final List<ClipFile> clips;
    private final List<Path> noiseFiles;

    private SpeechCommandsFolder(Path root, List<ClipFile> clips, List<Path> noiseFiles) {
        this.root = root;
        this.clips = List.copyOf(clips);
        this.noiseFiles = List.copyOf(noiseFiles);
    }

    /**
     * Lists the folder.
     *
     * @throws NoSuchFileException   if {@code root} does not exist
     * @throws NotDirectoryException if {@code root} is not a folder
     * @throws IOException           if no word folder holds a WAV file, or a WAV file's name is not
     *                               {@code <speaker>_nohash_<anything>.wav}; the message names the path
     */
    public static SpeechCommandsFolder load(Path root) throws IOException {
        if (!Files.exists(root)) {
            throw new NoSuchFileException(root.toString(), null, "Speech Commands folder does not exist");
        }
        if (!Files.isDirectory(root)) {
            throw new NotDirectoryException(root + " (expected a Speech Commands folder)");
        }
        List<ClipFile> clips = new ArrayList<>();
        for (Path wordDir : sortedChildren(root)) {
            String word = wordDir.getFileName().toString();
            if (!Files.isDirectory(wordDir) || word.startsWith("_") || word.startsWith(".")) {
                continue;
            }
            for (Path f : sortedChildren(wordDir)) {
                String name = f.getFileName().toString();
                if (!name.endsWith(".wav") || name.startsWith(".") || !Files.isRegularFile(f)) {
                    continue;
                }
                Matcher m = CLIP_NAME.matcher(name);
                if (!m.matches()) {
                    throw new IOException(f + ": clip file name is not <speaker>_nohash_<n>.wav (no speaker id)");
                }
                clips.add(new ClipFile(f, word, m.group(1)));
            }
        }
        if (clips.isEmpty()) {
            throw new IOException(root + ": no <word>/<speaker>_nohash_<n>.wav files (not a Speech Commands folder?)");
        }
        List<Path> noise = new ArrayList<>();
        Path noiseDir = root.resolve(BACKGROUND_NOISE);
        if (Files.isDirectory(noiseDir)) {
            for (Path f : sortedChildren(noiseDir)) {
                String name = f.getFileName().toString();
                if (name.endsWith(".wav") && !name.startsWith(".") && Files.isRegularFile(f)) {
                    noise.add(f);
                }
            }
        }
        return new SpeechCommandsFolder(root, clips, noise);
    }

    public Path root() {
        return root;
    }

    /** Every clip, by word then file name. */
    public List<ClipFile> clips() {
        return clips;
    }

    /** The clips of one word (empty if the word is absent). */
    public List<ClipFile> clips(String word) {
        return clips.stream().filter(c -> c.word().equals(word)).toList();
    }

    /** Clip count per word, words in alphabetical order. */
    public Map<String, Integer> countsByWord() {
        Map<String, Integer> counts = new TreeMap<>();
        for (ClipFile c : clips) {
            counts.merge(c.word(), 1, Integer::sum);
        }
        return Collections.unmodifiableMap(counts);
    }

    /** The files in {@code _background_noise_/}, by name; empty if the folder is absent. */
    public List<Path> backgroundNoiseFiles() {
        return noiseFiles;
    }

    /**
     * Reads all background noise recordings.
     *
     * @throws dev.hark.sim.audio.AudioFormatException if one is not 16 kHz mono 16-bit PCM WAV
     */
    public List<NoiseRecording> loadBackgroundNoise() throws IOException {
        return loadBackgroundNoise(AudioReading.STRICT);
    }

    /** The background recordings, read as {@code reading} says. */
    public List<NoiseRecording> loadBackgroundNoise(AudioReading reading) throws IOException {
        List<NoiseRecording> out = new ArrayList<>();
        for (Path f : noiseFiles) {
            out.add(new NoiseRecording(f, reading.read(f)));
        }
        return out;
    }

    private static List<Path> sortedChildren(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.sorted().toList();
        }
    }
}
