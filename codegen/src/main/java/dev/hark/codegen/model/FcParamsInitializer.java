package dev.hark.codegen.model;

import dev.hark.codegen.writer.ModelElement;

/**
 * The initializer of one {@code hark_fc_s8_params}: the constant operands of one {@code arm_fully_connected_s8}
 * call.
 *
 * @param label   a comment line above the initializer (for example {@code gate r: W_ir x + b_ir}); {@code ""} for none
 * @param weights C name of the weight array, or {@code NULL} when the weights come from an activation, or an
 *                expression naming it (a macro that gives it or NULL by core)
 * @param bias    C name of the bias array
 */
public record FcParamsInitializer(String label, String weights, String bias, int inputOffset, int filterOffset,
                                  int outputOffset, int activationMin, int activationMax, int multiplier,
                                  int shift) implements ModelElement {
    /** The same initializer with {@code weights} (a C expression) as its weights. */
    public FcParamsInitializer withWeights(String weights) {
        return new FcParamsInitializer(label, weights, bias, inputOffset, filterOffset, outputOffset, activationMin,
                activationMax, multiplier, shift);
    }
}
