package dev.hark.trainer.floatref;

import dev.hark.trainer.model.CrnnConfig;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every parameter of a CRNN as plain row-major float arrays, named by role. Names and layouts:
 *
 * <ul>
 *   <li>{@code conv.weight} {@code [C][KT][KM][1]}: output channel, time tap, mel tap, input channel (the NHWC
 *       filter order of CMSIS-NN with H = time, W = mel). {@code conv.bias} {@code [C]}. When the config
 *       standardizes the input, both already include it (the trainer folds it in when it reads the weights out
 *       of DJL), so the convolution applies to raw dequantized features.</li>
 *   <li>per GRU layer {@code l = 1..L}, gate {@code g} in {@code r, z, n}: {@code gru<l>.w_ih_<g>} {@code [H][in]}
 *       (in = F' * C for layer 1, H above), {@code gru<l>.w_hh_<g>} {@code [H][H]}, {@code gru<l>.b_ih_<g>}
 *       {@code [H]}, {@code gru<l>.b_hh_<g>} {@code [H]}.</li>
 *   <li>with attention: {@code att.w1} {@code [H][H]}, {@code att.b1} {@code [H]}, {@code att.w2} {@code [1][H]},
 *       {@code att.b2} {@code [1]}.</li>
 *   <li>{@code fc.w} {@code [classes][H]}, {@code fc.b} {@code [classes]}.</li>
 * </ul>
 *
 * <p>Instances are immutable: {@link #get} returns a copy.
 */
public final class CrnnWeights {
    /** GRU gate suffixes in PyTorch's (and DJL's) row order within the stacked 3H weight matrices. */
    public static final List<String> GATES = List.of("r", "z", "n");

    private final CrnnConfig config;
    private final Map<String, float[]> values;
    private final Map<String, int[]> shapes;

    private CrnnWeights(CrnnConfig config, Map<String, float[]> values) {
        this.config = config;
        this.shapes = expectedShapes(config);
        if (!shapes.keySet().equals(values.keySet())) {
            throw new IllegalArgumentException("CRNN weights: expected tensors " + shapes.keySet() + " but got "
                    + values.keySet());
        }
        Map<String, float[]> copy = new LinkedHashMap<>();
        for (Map.Entry<String, int[]> e : shapes.entrySet()) {
            float[] v = values.get(e.getKey());
            int size = Arrays.stream(e.getValue()).reduce(1, (a, b) -> a * b);
            if (v.length != size) {
                throw new IllegalArgumentException("CRNN weights: " + e.getKey() + " needs " + size
                        + " values for shape " + Arrays.toString(e.getValue()) + ", got " + v.length);
            }
            copy.put(e.getKey(), v.clone());
        }
        this.values = Collections.unmodifiableMap(copy);
    }

    /**
     * Weights given by name (see the class comment for names and layouts).
     *
     * @throws IllegalArgumentException if a tensor is missing, unexpected or of the wrong size
     */
    public static CrnnWeights of(CrnnConfig config, Map<String, float[]> values) {
        return new CrnnWeights(config, values);
    }

    /** The name of a GRU tensor: {@code gruName(0, "w_ih_r")} is {@code gru1.w_ih_r}. */
    public static String gruName(int layer, String role) {
        return "gru" + (layer + 1) + "." + role;
    }

    public CrnnConfig config() {
        return config;
    }

    /** Tensor names in a stable order: conv, GRU layers, attention, fc. */
    public List<String> names() {
        return List.copyOf(values.keySet());
    }

    /**
     * A copy of one tensor's values.
     *
     * @throws IllegalArgumentException for an unknown name
     */
    public float[] get(String name) {
        return raw(name).clone();
    }

    /** The tensor's shape, e.g. {@code [8, 20, 5, 1]} for {@code conv.weight}. */
    public int[] shape(String name) {
        raw(name);
        return shapes.get(name).clone();
    }

    /**
     * A SHA-256 over the configuration and every tensor's name and float bits: equal exactly when two sets of
     * weights define the same network, so a file derived from weights can record which ones it came from.
     */
    public String fingerprint() {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(config.toString().getBytes(StandardCharsets.UTF_8));
            for (Map.Entry<String, float[]> e : values.entrySet()) {
                digest.update(e.getKey().getBytes(StandardCharsets.UTF_8));
                ByteBuffer bits = ByteBuffer.allocate(e.getValue().length * Float.BYTES);
                bits.asFloatBuffer().put(e.getValue());
                digest.update(bits.array());
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JVM lacks SHA-256", e);
        }
    }

    /** The array itself, for read-only use inside this package. */
    float[] raw(String name) {
        float[] v = values.get(name);
        if (v == null) {
            throw new IllegalArgumentException("weights: no tensor named " + name + " (have " + values.keySet() + ")");
        }
        return v;
    }

    /** The tensors a CRNN of {@code config} has, by name, with their shapes, in the stable order of {@link #names}. */
    public static Map<String, int[]> shapesOf(CrnnConfig config) {
        Map<String, int[]> copy = new LinkedHashMap<>();
        expectedShapes(config).forEach((name, shape) -> copy.put(name, shape.clone()));
        return copy;
    }

    private static Map<String, int[]> expectedShapes(CrnnConfig c) {
        int h = c.gruHidden();
        Map<String, int[]> s = new LinkedHashMap<>();
        s.put("conv.weight", new int[] {c.convChannels(), c.kernelTime(), c.kernelMel(), 1});
        s.put("conv.bias", new int[] {c.convChannels()});
        for (int layer = 0; layer < c.gruLayers(); layer++) {
            int in = layer == 0 ? c.gruInputSize() : h;
            for (String gate : GATES) {
                s.put(gruName(layer, "w_ih_" + gate), new int[] {h, in});
                s.put(gruName(layer, "w_hh_" + gate), new int[] {h, h});
                s.put(gruName(layer, "b_ih_" + gate), new int[] {h});
                s.put(gruName(layer, "b_hh_" + gate), new int[] {h});
            }
        }
        if (c.attention()) {
            s.put("att.w1", new int[] {h, h});
            s.put("att.b1", new int[] {h});
            s.put("att.w2", new int[] {1, h});
            s.put("att.b2", new int[] {1});
        }
        s.put("fc.w", new int[] {c.classes(), h});
        s.put("fc.b", new int[] {c.classes()});
        return s;
    }
}
