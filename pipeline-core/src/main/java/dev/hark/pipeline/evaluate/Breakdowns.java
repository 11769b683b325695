package dev.hark.pipeline.evaluate;

import dev.hark.trainer.eval.ClipMetrics;
import dev.hark.trainer.eval.Scores;
import dev.hark.trainer.features.LabelledFeatures;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Why a model's figures are what they are, from one network's clip scores at {@link ClipMetrics#THRESHOLD}: which
 * other words it accepts, which speakers' keywords it misses (on real data a few speakers usually account for most
 * misses), and the clips it gets most wrong, to listen to.
 *
 * @param falseAcceptsByWord each other word with its false accepts, most first (words never accepted included)
 * @param missesBySpeaker    each speaker of keyword clips with the misses, most first
 * @param worstKeywordClips  the keyword clips scored lowest, lowest first
 * @param worstOtherClips    the other clips scored highest, highest first
 */
public record Breakdowns(List<Count> falseAcceptsByWord, List<Count> missesBySpeaker, List<ClipScore> worstKeywordClips,
                         List<ClipScore> worstOtherClips) {
    /**
     * Errors among the clips of one word or one speaker.
     *
     * @param name   the word, or the speaker ({@code ""} when the clips do not say)
     * @param errors false accepts of the word, or misses of the speaker's keyword clips
     * @param clips  the word's clips, or the speaker's keyword clips
     */
    public record Count(String name, int errors, int clips) {
    }

    /**
     * One clip's score.
     *
     * @param path  the clip's file
     * @param id    its id (path relative to the data)
     * @param score the keyword score, 0 to 1
     */
    public record ClipScore(String path, String id, String word, String speaker, float score) {
    }

    public Breakdowns {
        falseAcceptsByWord = List.copyOf(falseAcceptsByWord);
        missesBySpeaker = List.copyOf(missesBySpeaker);
        worstKeywordClips = List.copyOf(worstKeywordClips);
        worstOtherClips = List.copyOf(worstOtherClips);
    }

    /**
     * @param clips  the clips, in the order of {@code scores}
     * @param paths  each clip's file, same order
     * @param worst  how many of the worst clips of each class to list
     */
    public static Breakdowns of(List<LabelledFeatures> clips, List<String> paths, Scores scores, int worst) {
        if (clips.size() != scores.size() || paths.size() != clips.size()) {
            throw new IllegalArgumentException("breakdowns: " + clips.size() + " clips, " + paths.size()
                    + " paths, " + scores.size() + " scores");
        }
        float[] s = scores.keywordScore();
        Map<String, int[]> byWord = new TreeMap<>();
        Map<String, int[]> bySpeaker = new TreeMap<>();
        for (int i = 0; i < s.length; i++) {
            LabelledFeatures clip = clips.get(i);
            boolean accepted = s[i] >= ClipMetrics.THRESHOLD;
            if (clip.label() == 1) {
                int[] count = bySpeaker.computeIfAbsent(clip.speaker(), k -> new int[2]);
                count[0] += accepted ? 0 : 1;
                count[1]++;
            } else {
                int[] count = byWord.computeIfAbsent(clip.word(), k -> new int[2]);
                count[0] += accepted ? 1 : 0;
                count[1]++;
            }
        }
        List<ClipScore> keyword = new ArrayList<>();
        List<ClipScore> other = new ArrayList<>();
        for (int i = 0; i < s.length; i++) {
            LabelledFeatures clip = clips.get(i);
            (clip.label() == 1 ? keyword : other).add(new ClipScore(paths.get(i), clip.id(), clip.word(),
                    clip.speaker(), s[i]));
        }
        // Stable sorts: among equal scores the clips keep the data's order.
        Comparator<ClipScore> byScore = Comparator.comparingDouble(ClipScore::score);
        keyword.sort(byScore);
        other.sort(byScore.reversed());
        return new Breakdowns(counts(byWord), counts(bySpeaker), keyword.subList(0, Math.min(worst, keyword.size())),
                other.subList(0, Math.min(worst, other.size())));
    }

    /** Most errors first, then the larger share, then by name. */
    private static List<Count> counts(Map<String, int[]> counts) {
        List<Count> out = new ArrayList<>();
        counts.forEach((name, c) -> out.add(new Count(name, c[0], c[1])));
        out.sort(Comparator.comparingInt(Count::errors).reversed()
                .thenComparing(Comparator.comparingDouble((Count c) -> (double) c.errors() / c.clips()).reversed())
                .thenComparing(Count::name));
        return out;
    }
}
