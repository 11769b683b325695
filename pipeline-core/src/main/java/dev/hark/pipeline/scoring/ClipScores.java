package dev.hark.pipeline.scoring;

import dev.hark.trainer.eval.Scores;
import dev.hark.trainer.eval.WindowScorer;
import dev.hark.trainer.features.LabelledFeatures;
import java.util.List;
import java.util.stream.IntStream;

/**
 * The one loop that scores clips: each clip's keyword score under one network, with the clip's label. Every
 * clip-level figure the pipeline prints (quantize, qat, distill, demo) is computed from its output.
 */
public final class ClipScores {
    private ClipScores() {
    }

    /**
     * Scores the clips in parallel ({@link WindowScorer}s are thread-safe); the order of the result is the order of
     * {@code clips}, and no score depends on another, so the result is the same on any number of cores.
     */
    public static Scores of(WindowScorer scorer, List<LabelledFeatures> clips) {
        float[] scores = new float[clips.size()];
        boolean[] keyword = new boolean[clips.size()];
        IntStream.range(0, scores.length).parallel().forEach(i -> scores[i] = scorer.score(clips.get(i).features()));
        for (int i = 0; i < keyword.length; i++) {
            keyword[i] = clips.get(i).label() == 1;
        }
        return new Scores(scores, keyword);
    }
}
