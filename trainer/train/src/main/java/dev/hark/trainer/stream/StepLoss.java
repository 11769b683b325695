package dev.hark.trainer.stream;

import java.util.Locale;

/** How fine-tuning for streaming ({@link StreamFineTuner}) turns a stretch's per-step answers into a loss. */
public enum StepLoss {
    /** Every labelled step ({@link StepTargets}) answers its label: cross-entropy, each class weighted alike. */
    CROSS_ENTROPY("cross-entropy"),
    /**
     * Max pooling over the steps (Sun et al., "Max-pooling loss training of long short-term memory networks for
     * small-footprint keyword spotting", SLT 2016): each keyword window (a run of {@link StepTargets#KEYWORD} steps
     * around a keyword's end) costs {@code -log max p}, so one step near the end has to fire and the others may stay
     * low; the steps labelled {@link StepTargets#OTHER} of each sequence cost {@code -log (1 - max p)}, so the one that
     * fires most is pushed down. Both over the steps of one stretch of backpropagation; the keyword windows' mean and
     * the sequences' mean count alike. {@link StepTargets#IGNORED} steps count in neither.
     */
    MAX_POOL("max-pool");

    private final String optionName;

    StepLoss(String optionName) {
        this.optionName = optionName;
    }

    /** How the command line spells it. */
    public String optionName() {
        return optionName;
    }

    /** @throws IllegalArgumentException naming the spellings there are */
    public static StepLoss ofOptionName(String name) {
        for (StepLoss l : values()) {
            if (l.optionName.equals(name.toLowerCase(Locale.ROOT))) {
                return l;
            }
        }
        throw new IllegalArgumentException("unknown stream loss '" + name + "': use cross-entropy or max-pool");
    }
}
