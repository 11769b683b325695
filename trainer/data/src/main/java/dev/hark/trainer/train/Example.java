package dev.hark.trainer.train;

/**
 * One training clip: int8 front-end features and a class label.
 *
 * @param features {@code [frame][mel]} row-major int8 codes, {@code frames * mels} of them; not copied, so the
 *                 caller must not modify the array afterwards
 * @param label    class index, 1 = keyword, 0 = anything else
 */
public record Example(byte[] features, int label) {
    public Example {
        if (features == null) {
            throw new IllegalArgumentException("example: features are null");
        }
        if (label < 0) {
            throw new IllegalArgumentException("example: negative label " + label);
        }
    }
}
