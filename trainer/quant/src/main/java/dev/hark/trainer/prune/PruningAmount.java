package dev.hark.trainer.prune;

import dev.hark.trainer.model.CrnnConfig;

/**
 * How much of a CRNN structured pruning removes: a fraction of the convolution's output channels and a fraction of
 * every GRU layer's hidden units (the attention's units go with the GRU's, since its size is the GRU's).
 *
 * <p>A fraction of {@code n} keeps {@code max(1, round(n * (1 - fraction)))}: pruning never empties a layer.
 *
 * @param convChannels fraction of the convolution's output channels removed, in [0, 1)
 * @param gruUnits     fraction of each GRU layer's hidden units removed, in [0, 1)
 */
public record PruningAmount(double convChannels, double gruUnits) {
    public PruningAmount {
        if (!(convChannels >= 0 && convChannels < 1) || !(gruUnits >= 0 && gruUnits < 1)) {
            throw new IllegalArgumentException("pruning: the fractions of conv channels (" + convChannels
                    + ") and GRU units (" + gruUnits + ") removed must be in [0, 1)");
        }
    }

    /** The same fraction of channels and units. */
    public static PruningAmount uniform(double fraction) {
        return new PruningAmount(fraction, fraction);
    }

    /** How many of {@code n} channels stay. */
    public int keptChannels(int n) {
        return kept(n, convChannels);
    }

    /** How many of {@code n} GRU units stay. */
    public int keptUnits(int n) {
        return kept(n, gruUnits);
    }

    /** The shape {@code config} has once pruned by this amount: fewer conv channels, a smaller hidden size. */
    public CrnnConfig prunedConfig(CrnnConfig config) {
        return config.toBuilder().optConvChannels(keptChannels(config.convChannels()))
                .optGruHidden(keptUnits(config.gruHidden())).build();
    }

    private static int kept(int n, double fraction) {
        return Math.max(1, (int) Math.round(n * (1 - fraction)));
    }
}
