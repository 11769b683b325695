package dev.hark.trainer.stream;

/**
 * One stretch of stream to train on: its int8 feature frames and the answer at each of its steps.
 *
 * @param features {@code [frame][mels]} int8 codes, exactly the frames the steps read
 * @param labels   per step {@link StepTargets#KEYWORD}, {@link StepTargets#OTHER} or {@link StepTargets#IGNORED}
 */
public record StreamSequence(byte[] features, int[] labels) {
    public int steps() {
        return labels.length;
    }
}
