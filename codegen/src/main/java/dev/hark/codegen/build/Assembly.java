package dev.hark.codegen.build;

import dev.hark.codegen.model.Comment;
import dev.hark.codegen.model.ConditionalConstants;
import dev.hark.codegen.model.ConstantArray;
import dev.hark.codegen.model.ConstantDeclaration;
import dev.hark.codegen.model.FcParamsConstant;
import dev.hark.codegen.model.FcParamsInitializer;
import dev.hark.codegen.model.MacroConstant;
import dev.hark.codegen.writer.ModelElement;
import dev.hark.sim.model.FullyConnected;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The C program under construction while the kernel calls are rendered: the constants of
 * {@code hark_model_data.*} and the call blocks of {@code hark_network.c}. Every C name goes through here, so two
 * model names that map to the same identifier are caught.
 */
final class Assembly {
    /** int8 weight arrays are 16-byte aligned so vector loads on any Cortex-M core start on a boundary. */
    static final int WEIGHT_ALIGNMENT = 16;
    static final int WORD_ALIGNMENT = 4;

    final List<ModelElement> constants = new ArrayList<>();
    final List<ConstantDeclaration> declarations = new ArrayList<>();
    final List<MacroConstant> dataMacros = new ArrayList<>();
    final List<ModelElement> layerCalls = new ArrayList<>();

    private final boolean comments;
    private final Set<String> names = new HashSet<>();

    Assembly(boolean comments) {
        this.comments = comments;
        // Names hark_network_run() already uses for its parameters and locals.
        names.addAll(List.of("features", "output", "trace", "user", "ctx", "arena"));
    }

    Comment comment(String text) {
        return comments ? Comment.of(text) : Comment.NONE;
    }

    /** {@code hark_<part>_<part>...}, unique in the program. */
    String constantName(String... parts) {
        StringBuilder name = new StringBuilder("hark");
        for (String part : parts) {
            name.append('_').append(CFormat.identifier(part));
        }
        return claim(name.toString());
    }

    /** A name used once in the whole generated program, checked for clashes. */
    String claim(String name) {
        if (!names.add(name)) {
            throw new IllegalArgumentException("two parts of the model map to the C name " + name
                    + "; rename a layer");
        }
        return name;
    }

    String int8Array(String name, byte[] values, boolean exported, String description) {
        return array("int8_t", name, values.length, CFormat.lines(values), WEIGHT_ALIGNMENT, exported, description);
    }

    String int16Array(String name, short[] values, boolean exported, String description) {
        return array("int16_t", name, values.length, CFormat.lines(values), WEIGHT_ALIGNMENT, exported, description);
    }

    String int32Array(String name, int[] values, boolean exported, String description) {
        return array("int32_t", name, values.length, CFormat.lines(values), WORD_ALIGNMENT, exported, description);
    }

    /** A constant array in {@code hark_model_data.c}, declared in its header when other files refer to it. */
    private String array(String cType, String name, int length, List<String> lines, int alignment, boolean exported,
                         String description) {
        constants.add(new ConstantArray(name, cType, length, lines, alignment, !exported, comment(description)));
        if (exported) {
            declare(cType, name, length, description);
        }
        return name;
    }

    void declare(String cType, String name, int length, String description) {
        declarations.add(new ConstantDeclaration(cType, name, length, comment(description)));
    }

    /** {@code #define} in {@code hark_model_data.h}; returns the macro's name. */
    String dataMacro(String name, int value, String description) {
        dataMacros.add(new MacroConstant(claim(name), value < 0 ? "(" + CFormat.int32(value) + ")"
                : CFormat.int32(value), comment(description)));
        return name;
    }

    /**
     * The constant operands of one fully-connected call: its weight and bias arrays (only the struct refers to
     * them) and the struct's initializer.
     *
     * @param prefix C name prefix of the arrays
     * @param what   what the projection computes, for the comments
     */
    FcParamsInitializer fullyConnected(FullyConnected fc, String prefix, String label, String what) {
        return fullyConnected(fc, prefix, label, what, true);
    }

    /**
     * As {@link #fullyConnected(FullyConnected, String, String, String)}; without int8Weights the struct's weights
     * are NULL and no int8 array is written (the caller writes the weights in the form the core wants,
     * {@link #int8Weights}, {@link #widenedWeights}).
     */
    FcParamsInitializer fullyConnected(FullyConnected fc, String prefix, String label, String what,
                                       boolean int8Weights) {
        String weights = "NULL";
        if (fc.weights() != null && int8Weights) {
            weights = int8Weights(fc, prefix, what);
        }
        String bias = int32Array(claim(prefix + "_bias"), fc.bias(), false, what + " bias: int32 ["
                + fc.outputSize() + "], in units of input scale x weight scale.");
        return new FcParamsInitializer(comments ? label : "", weights, bias, fc.inputOffset(), 0, fc.outputOffset(),
                fc.activationMin(), fc.activationMax(), fc.multiplier(), fc.shift());
    }

    /** The C names of a GRU projection's weights in both forms, of which a build compiles one. */
    record ByCoreWeights(String int8, String widened) {
    }

    /**
     * A GRU projection's weights in both forms, the widened ones under {@code #if HARK_GRU_WIDENED_WEIGHTS} and the
     * int8 ones under its {@code #else} (hark_nn_types.h says which a core gets).
     */
    ByCoreWeights gruWeights(FullyConnected fc, String prefix, String what, String why) {
        int start = constants.size();
        String widened = widenedWeights(fc, prefix, what, why);
        List<ModelElement> widenedArrays = takeConstantsFrom(start);
        String int8 = int8Weights(fc, prefix, what);
        List<ModelElement> int8Arrays = takeConstantsFrom(start);
        constants.add(new ConditionalConstants("HARK_GRU_WIDENED_WEIGHTS", comments, widenedArrays, int8Arrays));
        return new ByCoreWeights(int8, widened);
    }

    private List<ModelElement> takeConstantsFrom(int start) {
        List<ModelElement> added = constants.subList(start, constants.size());
        List<ModelElement> taken = List.copyOf(added);
        added.clear();
        return taken;
    }

    /** The int8 weights of a fully-connected projection, in an array named {@code <prefix>_weights}. */
    String int8Weights(FullyConnected fc, String prefix, String what) {
        return int8Array(claim(prefix + "_weights"), fc.weights(), false, what + " weights: int8 ["
                + fc.outputSize() + "][" + fc.inputSize() + "] (output x input), symmetric, zero point 0.");
    }

    /**
     * The weights of a fully-connected projection widened to int16, the same values in the same order, in an array
     * named {@code <prefix>_widened_weights}.
     *
     * @param why what the kernel gains, for the comment
     * @return its C name
     */
    String widenedWeights(FullyConnected fc, String prefix, String what, String why) {
        byte[] weights = fc.weights();
        short[] widened = new short[weights.length];
        for (int i = 0; i < weights.length; i++) {
            widened[i] = weights[i];
        }
        return int16Array(claim(prefix + "_widened_weights"), widened, false, what + " weights widened: int16 ["
                + fc.outputSize() + "][" + fc.inputSize() + "] (output x input), symmetric, zero point 0; " + why);
    }

    /**
     * A {@code const hark_fc_s8_params} named {@code hark_<layer>_<part>}, declared in the header, with its arrays.
     *
     * @return its C name
     */
    String fcParamsConstant(FullyConnected fc, String layer, String part, String what) {
        String name = constantName(layer, part);
        FcParamsInitializer value = fullyConnected(fc, name, "", layer + " " + what);
        String text = layer + " " + what + ": fully connected " + fc.inputSize() + " -> " + fc.outputSize()
                + ", input offset " + fc.inputOffset() + ", output offset " + fc.outputOffset()
                + ", requantized by " + fc.multiplier() + " x 2^(" + fc.shift() + " - 31), output clamped to ["
                + fc.activationMin() + ", " + fc.activationMax() + "].";
        constants.add(new FcParamsConstant(name, comment(text), value));
        declare("hark_fc_s8_params", name, 0, text);
        return name;
    }

    static String layerMacro(String tensorName) {
        return "HARK_LAYER_" + CFormat.identifier(tensorName).toUpperCase(Locale.ROOT);
    }
}
