package dev.hark.trainer.data;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * What {@link SyntheticCorpus#generate} produced.
 *
 * @param directory     the corpus folder (Speech Commands layout, readable by {@link SpeechCommandsFolder})
 * @param clips         clips in the corpus
 * @param clipsWritten  clips rendered by this call (the rest existed from an earlier, possibly killed, call)
 * @param clipsPerWord  clip count per word folder, including {@code noise}
 * @param voices        descriptions of the voices used, one per speaker
 */
public record CorpusSummary(Path directory, int clips, int clipsWritten, Map<String, Integer> clipsPerWord,
                            List<String> voices) {
}
