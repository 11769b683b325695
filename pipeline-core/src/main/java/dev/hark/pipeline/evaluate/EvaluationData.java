package dev.hark.pipeline.evaluate;

import dev.hark.sim.audio.AudioFormatException;
import dev.hark.sim.audio.AudioReading;
import dev.hark.trainer.augment.NoisePartition;
import dev.hark.trainer.data.ClipFile;
import dev.hark.trainer.data.NoiseRecording;
import dev.hark.trainer.data.SpeakerSplit;
import dev.hark.trainer.data.SpeechCommandsFolder;
import dev.hark.trainer.data.Split;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Labelled recordings a user evaluates a model on, listed but not yet read: a folder in Speech Commands layout
 * ({@code <word>/<speaker>_nohash_<n>.wav}, its {@code _background_noise_/} recordings read as well), or a CSV list
 * of {@code path,label[,speaker]} rows, paths relative to the list's folder. The label is the word spoken; a clip
 * holds the keyword when its label is the keyword. A CSV row without a speaker takes the speaker from a Speech
 * Commands file name, or none.
 *
 * @param source     the folder or list named
 * @param root       the folder clip ids are relative to
 * @param keyword    the keyword
 * @param clips      every clip, in the folder's order (by word, then file name) or the list's
 * @param background whole background recordings, for the long stream (none for a list)
 * @param reading    how the clips (and the background recordings, already read) are read
 * @param split      the split whose speakers' clips (and time portion of each background recording) these are,
 *                   when only one split's are evaluated
 */
public record EvaluationData(Path source, Path root, String keyword, List<ClipFile> clips,
                             List<NoiseRecording> background, AudioReading reading, Optional<Split> split) {
    /** The columns of a CSV list; the third is optional. */
    public static final List<String> CSV_COLUMNS = List.of("path", "label", "speaker");

    private static final Pattern SPEECH_COMMANDS_NAME = Pattern.compile("(.+?)_nohash_.*\\.wav");

    public EvaluationData {
        clips = List.copyOf(clips);
        background = List.copyOf(background);
    }

    /**
     * Lists {@code data} (a folder or a {@code .csv} file) and checks that it has keyword clips and other clips.
     *
     * @throws IOException naming the file and the cause: no such file, not a Speech Commands folder, a CSV row with
     *                     a missing column or a clip that does not exist, no keyword clip, no other clip, a
     *                     background recording that is not 16 kHz mono 16-bit
     */
    public static EvaluationData read(Path data, String keyword) throws IOException {
        return read(data, keyword, AudioReading.STRICT, Optional.empty());
    }

    /**
     * As {@link #read(Path, String)}, the recordings read as {@code reading} says; with {@code split}, only the clips
     * whose speakers hark's speaker-disjoint split ({@link SpeakerSplit#defaultSplit()}) puts in it, and that
     * split's time portion of each background recording ({@link NoisePartition}), as the real-data benchmark
     * divides its data.
     *
     * @throws IOException also naming a clip without a speaker, when a split is asked for
     */
    public static EvaluationData read(Path data, String keyword, AudioReading reading, Optional<Split> split)
            throws IOException {
        EvaluationData all = listed(data, keyword, reading);
        EvaluationData listed = split.isEmpty() ? all : all.of(split.get());
        String whose = split.map(s -> " among the clips of the " + s.name().toLowerCase(Locale.ROOT)
                + " split's speakers").orElse("");
        if (listed.keywordClips() == 0) {
            throw new IOException(data + ": no clips of the keyword '" + keyword + "'" + whose + " (words found: "
                    + String.join(", ", listed.clips.stream().map(ClipFile::word).distinct().limit(12).toList())
                    + ")");
        }
        if (listed.keywordClips() == listed.clips.size()) {
            throw new IOException(data + ": no clips other than the keyword '" + keyword + "'" + whose + ", so no"
                    + " false accept can be measured");
        }
        return listed;
    }

    /** The clips of {@code split}'s speakers and the split's portion of each background recording. */
    private EvaluationData of(Split split) throws IOException {
        SpeakerSplit speakers = SpeakerSplit.defaultSplit();
        for (ClipFile clip : clips) {
            if (clip.speaker().isBlank()) {
                throw new IOException(clip.source() + ": no speaker (a Speech Commands name or the list's speaker"
                        + " column), which --split needs to place the clip");
            }
        }
        return new EvaluationData(source, root, keyword, clips.stream().filter(c -> speakers.of(c.speaker()) == split)
                .toList(), NoisePartition.portions(background, split), reading, Optional.of(split));
    }

    private static EvaluationData listed(Path data, String keyword, AudioReading reading) throws IOException {
        if (Files.isDirectory(data)) {
            SpeechCommandsFolder folder = SpeechCommandsFolder.load(data);
            List<NoiseRecording> background;
            try {
                background = folder.loadBackgroundNoise(reading);
            } catch (AudioFormatException e) {
                throw withResampleHint(e, reading);
            }
            return new EvaluationData(data, data, keyword, folder.clips(), background, reading, Optional.empty());
        } else if (Files.isRegularFile(data) && data.getFileName().toString().toLowerCase(Locale.ROOT)
                .endsWith(".csv")) {
            Path root = data.toAbsolutePath().getParent();
            return new EvaluationData(data, root, keyword, readCsv(data, root), List.of(), reading,
                    Optional.empty());
        } else {
            throw new IOException(data + ": " + (Files.exists(data) ? "neither a folder in Speech Commands layout"
                    + " nor a .csv list of clips" : "no such folder or file"));
        }
    }

    /** {@code e}, saying that {@code --resample} converts the file when it would and was not given. */
    static AudioFormatException withResampleHint(AudioFormatException e, AudioReading reading) {
        if (e.isConvertible() && reading == AudioReading.STRICT) {
            return new AudioFormatException(e.getMessage() + " (--resample converts such recordings to 16 kHz mono)",
                    e);
        }
        return e;
    }

    /** Keyword clips among {@link #clips()}. */
    public int keywordClips() {
        return (int) clips.stream().filter(c -> c.word().equals(keyword)).count();
    }

    /** Whether {@code clip} holds the keyword. */
    public boolean isKeyword(ClipFile clip) {
        return clip.word().equals(keyword);
    }

    private static List<ClipFile> readCsv(Path csv, Path root) throws IOException {
        List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
        List<ClipFile> clips = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] cells = line.split(",", -1);
            String where = csv + ":" + (i + 1);
            if (clips.isEmpty() && cells[0].strip().equalsIgnoreCase(CSV_COLUMNS.get(0))) {
                continue; // the header row
            }
            if (cells.length < 2 || cells[0].isBlank() || cells[1].isBlank()) {
                throw new IOException(where + ": missing the " + CSV_COLUMNS.get(cells[0].isBlank() ? 0 : 1)
                        + " column (rows are " + String.join(",", CSV_COLUMNS.subList(0, 2)) + "[,speaker])");
            }
            if (cells.length > CSV_COLUMNS.size()) {
                throw new IOException(where + ": " + cells.length + " columns, rows are "
                        + String.join(",", CSV_COLUMNS.subList(0, 2)) + "[,speaker] (no commas in paths)");
            }
            Path file = root.resolve(cells[0].strip());
            if (!Files.isRegularFile(file)) {
                throw new IOException(where + ": " + file + ": no such file");
            }
            String speaker = cells.length > 2 ? cells[2].strip() : speakerOfName(file);
            clips.add(new ClipFile(file, cells[1].strip(), speaker));
        }
        if (clips.isEmpty()) {
            throw new IOException(csv + ": no rows of " + String.join(",", CSV_COLUMNS.subList(0, 2))
                    + "[,speaker]");
        }
        return clips;
    }

    /** The speaker of a Speech Commands file name ({@code <speaker>_nohash_<n>.wav}), else empty. */
    static String speakerOfName(Path file) {
        Matcher m = SPEECH_COMMANDS_NAME.matcher(file.getFileName().toString());
        return m.matches() ? m.group(1) : "";
    }
}
