package dev.hark.trainer.model;

import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import dev.hark.trainer.floatref.CrnnWeights;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Moves the parameters of a {@link CrnnBlock} between DJL and plain {@link CrnnWeights}, the form the float
 * reference, the quantizer and the QAT block take: {@link #read} after training, {@link #write} to put given
 * weights into a block. This is the one place where a DJL network becomes DJL-free and back; both directions
 * walk the same table of {@link Slot}s, so they cannot disagree about names or layout.
 */
public final class CrnnBlockWeights {
    private CrnnBlockWeights() {
    }

    /**
     * One DJL parameter of the block and the {@link CrnnWeights} tensors it holds, concatenated in this order with
     * every tensor's elements in {@link CrnnWeights}'s order. DJL's GRU stacks its gates as rows r, z, n of
     * {@code [3H][in]} matrices and keeps b_ih and b_hh apart, as PyTorch does; the convolution weight
     * {@code [C][1][KT][KM]} has the same element order as {@code [C][KT][KM][1]}; every other parameter is one
     * tensor as it is.
     *
     * @param owner     the child block that holds the parameter
     * @param parameter the parameter's name within {@code owner}
     * @param tensors   the {@link CrnnWeights} names stored in it, in storage order
     */
    private record Slot(Function<CrnnBlock, Block> owner, String parameter, List<String> tensors) {
        Parameter in(CrnnBlock block) {
            Parameter p = owner.apply(block).getDirectParameters().get(parameter);
            if (p == null) {
                throw new IllegalArgumentException("weights: DJL block has no parameter " + parameter + " (has "
                        + owner.apply(block).getDirectParameters().keys() + ")");
            }
            return p;
        }

        /** The table and DJL must agree on the parameter's size, or a tensor would be cut or padded. */
        void checkFilled(int tensorValues, int parameterValues) {
            if (tensorValues != parameterValues) {
                throw new IllegalStateException("weights: DJL parameter " + parameter + " holds " + parameterValues
                        + " values, but " + tensors + " have " + tensorValues);
            }
        }
    }

    /**
     * The table: every parameter of a {@link CrnnBlock} built from {@code config}; without the convolution's when
     * it is {@code branched} ({@link RepConvBlock}), whose weights are read folded instead.
     */
    private static List<Slot> slots(CrnnConfig config, boolean branched) {
        List<Slot> slots = new ArrayList<>();
        if (!branched) {
            slots.add(new Slot(CrnnBlock::conv, "weight", List.of("conv.weight")));
            slots.add(new Slot(CrnnBlock::conv, "bias", List.of("conv.bias")));
        }
        for (int layer = 0; layer < config.gruLayers(); layer++) {
            String djl = "l_" + layer + "_";
            slots.add(new Slot(CrnnBlock::gru, djl + "i2h_WEIGHT", gates(layer, "w_ih_")));
            slots.add(new Slot(CrnnBlock::gru, djl + "h2h_WEIGHT", gates(layer, "w_hh_")));
            slots.add(new Slot(CrnnBlock::gru, djl + "i2h_BIAS", gates(layer, "b_ih_")));
            slots.add(new Slot(CrnnBlock::gru, djl + "h2h_BIAS", gates(layer, "b_hh_")));
        }
        if (config.attention()) {
            Function<CrnnBlock, Block> energy = b -> ((AttentionPooling) b.pooling()).energy();
            Function<CrnnBlock, Block> score = b -> ((AttentionPooling) b.pooling()).score();
            slots.add(new Slot(energy, "weight", List.of("att.w1")));
            slots.add(new Slot(energy, "bias", List.of("att.b1")));
            slots.add(new Slot(score, "weight", List.of("att.w2")));
            slots.add(new Slot(score, "bias", List.of("att.b2")));
        }
        slots.add(new Slot(CrnnBlock::fc, "weight", List.of("fc.w")));
        slots.add(new Slot(CrnnBlock::fc, "bias", List.of("fc.b")));
        return slots;
    }

    /** The names of one GRU layer's tensors of one role, in DJL's stacking order r, z, n. */
    private static List<String> gates(int layer, String role) {
        return CrnnWeights.GATES.stream().map(gate -> CrnnWeights.gruName(layer, role + gate)).toList();
    }

    /** The weights of the model's {@link CrnnBlock}; see {@link #read(Block, CrnnConfig)}. */
    public static CrnnWeights read(Model model, CrnnConfig config) {
        return read(model.getBlock(), config);
    }

    /**
     * Copies the parameters of an initialized {@link CrnnBlock} into named float arrays, a branched convolution
     * folded into one ({@link RepConvBlock#folded}). The config's input
     * standardization is folded into the convolution: {@code w' = w / std}, {@code b' = b - (mean / std) * sum(w)}
     * per output channel.
     *
     * @throws IllegalArgumentException if the block is not a CrnnBlock built from {@code config}, or is not
     *                                  initialized
     */
    public static CrnnWeights read(Block block, CrnnConfig config) {
        CrnnBlock crnn = initializedBlock(block, config);
        Map<String, int[]> shapes = CrnnWeights.shapesOf(config);
        Map<String, float[]> v = new LinkedHashMap<>();
        if (crnn.conv() instanceof RepConvBlock branches) {
            RepConvBlock.Folded folded = branches.folded();
            v.put("conv.weight", folded.weight());
            v.put("conv.bias", folded.bias());
        }
        for (Slot slot : slots(config, crnn.branchedConv())) {
            float[] stored = slot.in(crnn).getArray().toFloatArray();
            int from = 0;
            for (String tensor : slot.tensors()) {
                int size = size(shapes.get(tensor));
                v.put(tensor, Arrays.copyOfRange(stored, from, from + size));
                from += size;
            }
            slot.checkFilled(from, stored.length);
        }
        foldInputNormalization(config, v.get("conv.weight"), v.get("conv.bias"), true);
        return CrnnWeights.of(config, v);
    }

    /**
     * Overwrites every parameter of an initialized {@link CrnnBlock} with {@code weights}, the inverse of
     * {@link #read}: the input standardization folded into the given convolution is taken out again
     * ({@code w = w' * std}, {@code b = b' + mean * sum(w')}), since the block applies it itself. Without
     * standardization, {@code read(write(w))} gives back {@code w} bit for bit; with it, within the rounding of
     * the fold and its inverse.
     *
     * @throws IllegalArgumentException if the block is not a CrnnBlock built from the weights' config, or is not
     *                                  initialized
     */
    public static void write(Block block, CrnnWeights weights) {
        CrnnConfig config = weights.config();
        CrnnBlock crnn = initializedBlock(block, config);
        if (crnn.branchedConv()) {
            throw new IllegalArgumentException("weights: a branched convolution is trained, not written; write the"
                    + " weights into a plain CrnnBlock");
        }
        Map<String, float[]> v = new LinkedHashMap<>();
        for (String name : weights.names()) {
            v.put(name, weights.get(name));
        }
        foldInputNormalization(config, v.get("conv.weight"), v.get("conv.bias"), false);
        for (Slot slot : slots(config, false)) {
            NDArray stored = slot.in(crnn).getArray();
            float[] values = new float[slot.tensors().stream().mapToInt(t -> v.get(t).length).sum()];
            int from = 0;
            for (String tensor : slot.tensors()) {
                float[] part = v.get(tensor);
                System.arraycopy(part, 0, values, from, part.length);
                from += part.length;
            }
            slot.checkFilled(values.length, Math.toIntExact(stored.size()));
            EngineArrays.overwrite(stored, values);
        }
    }

    private static CrnnBlock initializedBlock(Block block, CrnnConfig config) {
        if (!(block instanceof CrnnBlock crnn)) {
            throw new IllegalArgumentException("weights: expected a CrnnBlock, got "
                    + (block == null ? "null" : block.getClass().getSimpleName()));
        }
        if (!crnn.config().equals(config)) {
            throw new IllegalArgumentException("weights: the block was built for " + crnn.config()
                    + ", not " + config);
        }
        if (!crnn.isInitialized()) {
            throw new IllegalArgumentException("weights: the CrnnBlock has no parameters yet (not initialized)");
        }
        return crnn;
    }

    /**
     * With {@code fold}, rewrites {@code conv((x - mean) / std)} as {@code conv'(x)}: {@code w' = w / std},
     * {@code b' = b - (mean / std) * sum(w)} per output channel; without, the inverse {@code w = w' * std},
     * {@code b = b' + mean * sum(w')}. Exact in real arithmetic because the convolution has no padding, so every
     * tap always sees a real feature.
     */
    private static void foldInputNormalization(CrnnConfig config, float[] weight, float[] bias, boolean fold) {
        if (!config.standardizesInput()) {
            return;
        }
        int taps = weight.length / bias.length;
        double mean = config.inputMean();
        double std = config.inputStd();
        for (int c = 0; c < bias.length; c++) {
            double sum = 0;
            for (int k = c * taps; k < (c + 1) * taps; k++) {
                sum += weight[k];
                weight[k] = (float) (fold ? weight[k] / std : weight[k] * std);
            }
            bias[c] = (float) (fold ? bias[c] - mean / std * sum : bias[c] + mean * sum);
        }
    }

    private static int size(int[] shape) {
        return Arrays.stream(shape).reduce(1, Math::multiplyExact);
    }
}
