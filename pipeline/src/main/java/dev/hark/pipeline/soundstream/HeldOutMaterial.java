package dev.hark.pipeline.soundstream;

import dev.hark.trainer.augment.BenchmarkData;
import dev.hark.trainer.augment.NoiseBank;
import dev.hark.trainer.augment.NoisePartition;
import dev.hark.trainer.data.ClipFile;
import dev.hark.trainer.data.NoiseRecording;
import dev.hark.trainer.data.SpokenSentence;
import dev.hark.trainer.data.Split;
import dev.hark.trainer.eval.StreamSource;
import dev.hark.trainer.eval.VariedStreamBuilder;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The audio of one split that the measurement's streams are made of, each piece named: the split's keyword and other
 * word clips (named by their path in the data folder, labelled with their word), its portion of each background
 * recording ({@link NoisePartition}; named and labelled "background"), and synthetic sentences, which belong to no
 * split. The same portions are the noise mixed under every piece. The split is a parameter so that other held-out
 * sets (speaker folds) can be measured alike.
 *
 * @param material what the streams are made of
 * @param noise    the noise mixed under the pieces
 */
public record HeldOutMaterial(VariedStreamBuilder.Material material, NoiseBank noise) {
    /**
     * @param speech synthetic sentences to add (may be empty)
     * @throws IOException if a clip cannot be read
     * @throws IllegalArgumentException if the split holds no negative audio
     */
    public static HeldOutMaterial of(BenchmarkData data, Split split, List<SpokenSentence> speech)
            throws IOException {
        return of(data, data.wordClips(split), split, speech);
    }

    /**
     * The word clips of some speakers, whatever their split (a speaker fold's held-out speakers), with the
     * {@code backgroundSplit} portion of each background recording.
     *
     * @param speakers        the speakers whose word clips are held out
     * @param backgroundSplit whose portion of the background recordings the streams and their noise come from
     * @param speech          synthetic sentences to add (may be empty)
     * @throws IOException if a clip cannot be read
     * @throws IllegalArgumentException if there is no negative audio
     */
    public static HeldOutMaterial ofSpeakers(BenchmarkData data, Set<String> speakers, Split backgroundSplit,
                                             List<SpokenSentence> speech) throws IOException {
        return of(data, data.wordClips(speakers), backgroundSplit, speech);
    }

    private static HeldOutMaterial of(BenchmarkData data, List<ClipFile> clips, Split split,
                                      List<SpokenSentence> speech) throws IOException {
        List<StreamSource> keywords = new ArrayList<>();
        List<StreamSource> words = new ArrayList<>();
        for (ClipFile clip : clips) {
            String id = data.folder().root().relativize(clip.source()).toString();
            StreamSource source = new StreamSource(id, clip.word(), clip.load().samples());
            (clip.word().equals(data.keyword()) ? keywords : words).add(source);
        }
        List<NoiseRecording> portions = NoisePartition.portions(data.backgroundNoise(), split).stream()
                .filter(r -> r.samples().length > 0).toList();
        List<StreamSource> background = portions.stream()
                .map(r -> new StreamSource(r.name(), StreamSource.BACKGROUND, r.samples())).toList();
        List<StreamSource> sentences = speech.stream()
                .map(s -> new StreamSource(s.id(), StreamSource.SYNTHETIC_SPEECH, s.samples())).toList();
        return new HeldOutMaterial(new VariedStreamBuilder.Material(keywords, words, background, sentences),
                NoiseBank.of(portions));
    }
}
