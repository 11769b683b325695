package dev.hark.pipeline.evaluate;

import dev.hark.firmware.run.Target;
import dev.hark.trainer.data.Split;
import java.nio.file.Path;
import java.util.Optional;

/**
 * What {@code hark evaluate} and the plugin's {@code evaluate} goal ask for, as their settings name it: the model file,
 * the recordings, their keyword (the model's when absent), where the int8 network runs besides the simulator, how
 * to measure and where the outputs go.
 *
 * @param split    the split whose speakers' clips alone are evaluated, if only one's ({@link EvaluationData})
 * @param resample whether recordings of other rates, channel counts or encodings are converted (else refused)
 * @param target   {@value #SIMULATOR}, the host or a board QEMU runs, by its folder name
 */
public record EvaluationRequest(Path model, Path data, Optional<String> keyword, Optional<Split> split,
                                boolean resample, String target, EvaluateStage.Settings settings, Path out) {
    /** The target that is no firmware: the simulator alone. */
    public static final String SIMULATOR = "sim";

    /** @throws IllegalArgumentException naming {@code --target}, for a name that is no target to run on */
    public EvaluationRequest {
        firmware(target);
    }

    /**
     * The request as the front ends hold its settings: a keyword or split not given is null, the split and the
     * target by their names.
     *
     * @throws IllegalArgumentException naming {@code --split} or {@code --target}, for a name that is none
     */
    public static EvaluationRequest of(Path model, Path data, String keyword, String split, boolean resample,
                                       String target, EvaluateStage.Settings settings, Path out) {
        return new EvaluationRequest(model, data, Optional.ofNullable(keyword), split(split), resample, target,
                settings, out);
    }

    /** The firmware the clips also run through; empty for the simulator alone. */
    public Optional<Target> firmware() {
        return firmware(target);
    }

    /**
     * The firmware a {@code --target} value names; empty for {@value #SIMULATOR}.
     *
     * @throws IllegalArgumentException naming {@code --target} and the values it takes
     */
    public static Optional<Target> firmware(String name) {
        if (name.equals(SIMULATOR)) {
            return Optional.empty();
        }
        try {
            Target named = Target.named(name);
            if (runnable(named)) {
                return Optional.of(named);
            }
        } catch (IllegalArgumentException e) {
            // reported below, with the targets there are
        }
        throw new IllegalArgumentException("--target: expected " + SIMULATOR + " or one of " + String.join(", ",
                Target.all().stream().filter(EvaluationRequest::runnable).map(Target::makeName).toList())
                + " but was '" + name + "'");
    }

    /**
     * The split a {@code --split} value names (train, dev or test, in either case); empty for none.
     *
     * @throws IllegalArgumentException naming {@code --split} and the values it takes
     */
    public static Optional<Split> split(String name) {
        if (name == null) {
            return Optional.empty();
        }
        for (Split split : Split.values()) {
            if (split.name().equalsIgnoreCase(name)) {
                return Optional.of(split);
            }
        }
        throw new IllegalArgumentException("--split: expected train, dev or test but was '" + name + "'");
    }

    private static boolean runnable(Target target) {
        return target.isHost() || target.isEmulated();
    }
}
