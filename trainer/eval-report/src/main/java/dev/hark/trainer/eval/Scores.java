package dev.hark.trainer.eval;

/**
 * One keyword score per clip with the clip's label: what every clip-level metric is computed from.
 *
 * @param keywordScore the keyword probability (or any score where higher means "more keyword"), not NaN
 * @param isKeyword    whether each clip holds the keyword; same length
 */
public record Scores(float[] keywordScore, boolean[] isKeyword) {
    /** @throws IllegalArgumentException if the lengths differ or a score is NaN */
    public Scores {
        if (keywordScore.length != isKeyword.length) {
            throw new IllegalArgumentException("scores: " + keywordScore.length + " scores but " + isKeyword.length
                    + " labels");
        }
        for (int i = 0; i < keywordScore.length; i++) {
            if (Float.isNaN(keywordScore[i])) {
                throw new IllegalArgumentException("scores: score " + i + " is NaN");
            }
        }
    }

    public int size() {
        return keywordScore.length;
    }

    public int positives() {
        int n = 0;
        for (boolean k : isKeyword) {
            n += k ? 1 : 0;
        }
        return n;
    }

    public int negatives() {
        return size() - positives();
    }

    /** The scores of the keyword clips, in order. */
    public float[] positiveScores() {
        return select(true);
    }

    /** The scores of the other clips, in order. */
    public float[] negativeScores() {
        return select(false);
    }

    private float[] select(boolean keyword) {
        float[] out = new float[keyword ? positives() : negatives()];
        int j = 0;
        for (int i = 0; i < keywordScore.length; i++) {
            if (isKeyword[i] == keyword) {
                out[j++] = keywordScore[i];
            }
        }
        return out;
    }
}
