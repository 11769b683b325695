package dev.hark.codegen.build;

import dev.hark.codegen.model.ArenaBuffer;
import dev.hark.codegen.model.ArenaPlan;
import dev.hark.codegen.model.Comment;
import dev.hark.codegen.model.FileBanner;
import dev.hark.codegen.model.GeneratedFile;
import dev.hark.codegen.model.GeneratedSources;
import dev.hark.codegen.model.MacroConstant;
import dev.hark.codegen.model.ModelDataHeader;
import dev.hark.codegen.model.ModelDataSource;
import dev.hark.codegen.model.ModelSettingsHeader;
import dev.hark.codegen.model.NetworkHeader;
import dev.hark.codegen.model.NetworkSource;
import dev.hark.sim.program.plan.MemoryPlan;
import dev.hark.sim.program.plan.MemoryPlanner;
import dev.hark.sim.program.plan.PlannedBuffer;
import dev.hark.sim.io.Checksums;
import dev.hark.sim.kernels.Rounding;
import dev.hark.sim.model.AttentionLayer;
import dev.hark.sim.model.ConvLayer;
import dev.hark.sim.model.DenseLayer;
import dev.hark.sim.model.GruLayer;
import dev.hark.sim.model.LastStepLayer;
import dev.hark.sim.model.Layer;
import dev.hark.sim.model.QuantizedModel;
import dev.hark.sim.model.SoftmaxLayer;
import dev.hark.sim.model.TensorQuant;
import dev.hark.sim.model.io.ModelFile;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns a {@link QuantizedModel} into the complete, not yet rendered C program ({@link GeneratedSources}):
 * every name, shape, constant, call, buffer lifetime and arena offset is decided here.
 *
 * <p>The calls are exactly the ones {@code NetworkSimulator} makes, with the same parameters and in the same
 * order, so the firmware reproduces the simulator byte for byte. Each layer reads the previous layer's result;
 * the first reads the caller's {@code features}, the last writes the caller's {@code output}; every other
 * activation and all scratch memory lives in one static arena planned by the given {@link MemoryPlanner}.
 */
public final class SourcesBuilder {
    /** Name of the generator in file banners; no version, so output does not change with the build. */
    public static final String GENERATOR = "hark codegen";
    /** Arena and offset alignment in bytes. */
    public static final int ARENA_ALIGNMENT = 16;

    private final boolean emitComments;
    private final MemoryPlanner planner;

    public SourcesBuilder(boolean emitComments, MemoryPlanner planner) {
        this.emitComments = emitComments;
        this.planner = planner;
    }

    /**
     * @throws IllegalArgumentException if the layers do not fit together, the labels do not match the output, or
     *                                  two names clash in C
     */
    public GeneratedSources build(QuantizedModel model) {
        List<Layer> layers = model.layers();
        if (layers.isEmpty()) {
            throw new IllegalArgumentException("model " + model.info().name() + " has no layers");
        }
        Assembly a = new Assembly(emitComments, model.tracedTensors());
        Activation x = new Activation("features", model.info().inputSize(), false);
        for (int i = 0; i < layers.size(); i++) {
            x = emit(a, layers.get(i), x, i == layers.size() - 1);
        }
        if (!a.allTraced()) {
            throw new IllegalStateException("not every traced tensor of " + model.info().name() + " was produced");
        }
        int outputSize = x.size();
        if (model.info().labels().size() != outputSize) {
            throw new IllegalArgumentException("model " + model.info().name() + " has " + model.info().labels().size()
                    + " labels but " + outputSize + " outputs");
        }
        MemoryPlan plan = planner.plan(a.timeline.requests()).requireValid();

        String digest = Checksums.sha256Hex(ModelFile.toBytes(model));
        String modelName = model.info().name();
        List<GeneratedFile> files = new ArrayList<>();
        files.add(new GeneratedFile("hark_model_settings.h", new ModelSettingsHeader(
                banner("hark_model_settings.h", "the constants the application must share with training.", modelName,
                        digest),
                "HARK_MODEL_SETTINGS_H", SettingsEmitter.macros(model.info(), model.rounding(),
                        outputQuant(model), this::comment))));
        files.add(new GeneratedFile("hark_model_data.h", new ModelDataHeader(
                banner("hark_model_data.h", "the model's constants that hark_network.c uses.", modelName, digest),
                "HARK_MODEL_DATA_H", a.dataMacros, a.declarations)));
        files.add(new GeneratedFile("hark_model_data.c", new ModelDataSource(
                banner("hark_model_data.c", "every weight, bias, multiplier, table and parameter struct of the model"
                        + " (read-only, placed in flash).", modelName, digest), a.constants)));
        files.add(new GeneratedFile("hark_network.h", new NetworkHeader(
                banner("hark_network.h", "the API to run the network on one clip of features.", modelName, digest),
                "HARK_NETWORK_H", model.info().inputSize(), outputSize, model.tracedTensors().size(),
                layerMacros(model))));
        files.add(new GeneratedFile("hark_network.c", new NetworkSource(
                banner("hark_network.c", "the network as a sequence of CMSIS-NN and hark kernel calls.", modelName,
                        digest),
                model.rounding() == Rounding.SINGLE, arena(plan, a.timeline), layerNames(model),
                layerSizes(model), a.layerCalls)));
        return new GeneratedSources(files, plan);
    }

    private static Activation emit(Assembly a, Layer layer, Activation input, boolean last) {
        if (layer instanceof ConvLayer c) {
            return ConvEmitter.emit(a, c, input, last);
        } else if (layer instanceof GruLayer g) {
            return GruEmitter.emit(a, g, input, last);
        } else if (layer instanceof AttentionLayer at) {
            return AttentionEmitter.emit(a, at, input, last);
        } else if (layer instanceof LastStepLayer l) {
            return LastStepEmitter.emit(a, l, input, last);
        } else if (layer instanceof DenseLayer d) {
            return DenseEmitter.emit(a, d, input, last);
        } else if (layer instanceof SoftmaxLayer s) {
            return SoftmaxEmitter.emit(a, s, input, last);
        }
        throw new IllegalArgumentException("layer " + layer.name() + ": no C code for " + layer.getClass());
    }

    /** The grid of the network's output: the last layer's, or for a last-step layer that of its input. */
    private static TensorQuant outputQuant(QuantizedModel model) {
        List<Layer> layers = model.layers();
        int index = layers.size() - 1;
        while (index >= 0 && layers.get(index) instanceof LastStepLayer) {
            index--;
        }
        return index < 0 ? model.info().inputQuant() : outputQuant(layers.get(index));
    }

    private static TensorQuant outputQuant(Layer last) {
        if (last instanceof ConvLayer c) {
            return c.output();
        } else if (last instanceof GruLayer g) {
            return g.output();
        } else if (last instanceof AttentionLayer at) {
            return at.output();
        } else if (last instanceof DenseLayer d) {
            return d.output();
        }
        return SoftmaxLayer.OUTPUT;
    }

    private ArenaPlan arena(MemoryPlan plan, BufferTimeline timeline) {
        List<ArenaBuffer> buffers = new ArrayList<>();
        for (PlannedBuffer b : plan.buffers()) {
            buffers.add(new ArenaBuffer(b.name(), b.offset(), b.size(),
                    emitComments ? b.size() + " bytes: " + timeline.description(b.name()) : ""));
        }
        List<String> table = emitComments ? plan.toTable().lines().toList() : List.of();
        return new ArenaPlan(plan.peakBytes(), ARENA_ALIGNMENT, Comment.verbatim(table).lines(), buffers);
    }

    private static List<MacroConstant> layerMacros(QuantizedModel model) {
        List<MacroConstant> macros = new ArrayList<>();
        List<Layer.TracedTensor> traced = model.tracedTensors();
        java.util.Set<String> names = new java.util.HashSet<>();
        for (int i = 0; i < traced.size(); i++) {
            String name = Assembly.layerMacro(traced.get(i).name());
            if (!names.add(name)) {
                throw new IllegalArgumentException("two traced tensors map to the C name " + name
                        + "; rename a layer");
            }
            macros.add(new MacroConstant(name, Integer.toString(i), Comment.NONE));
        }
        return macros;
    }

    private static List<String> layerNames(QuantizedModel model) {
        List<String> names = new ArrayList<>();
        for (Layer.TracedTensor t : model.tracedTensors()) {
            names.add(CFormat.string(t.name()));
        }
        return names;
    }

    private static List<Integer> layerSizes(QuantizedModel model) {
        List<Integer> sizes = new ArrayList<>();
        for (Layer.TracedTensor t : model.tracedTensors()) {
            sizes.add(t.size());
        }
        return sizes;
    }

    private Comment comment(String text) {
        return emitComments ? Comment.of(text) : Comment.NONE;
    }

    private static FileBanner banner(String file, String purpose, String modelName, String digest) {
        return new FileBanner(Comment.of(file + ": " + purpose).lines(), CFormat.commentText(modelName), digest,
                GENERATOR);
    }
}
