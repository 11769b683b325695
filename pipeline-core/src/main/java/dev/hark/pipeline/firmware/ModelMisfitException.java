package dev.hark.pipeline.firmware;

import dev.hark.firmware.run.ModelFit;

/**
 * A model whose network cannot fit a board it is to be built for ({@link ModelFit}), found before anything is
 * generated or built. An {@link IllegalArgumentException} like any other bad input, and a type of its own so that a
 * front end can tell it from a failure of the generation that follows (the plugin reports it without naming the
 * model a second time).
 */
public final class ModelMisfitException extends IllegalArgumentException {
    ModelMisfitException(String problem) {
        super(problem);
    }

    /**
     * @param model how to name the model in the message, e.g. its file
     * @throws ModelMisfitException with {@link ModelFit#problem}'s line, if the network does not fit
     */
    public static void require(ModelFit fit, String model) {
        fit.problem(model).ifPresent(problem -> {
            throw new ModelMisfitException(problem);
        });
    }
}
