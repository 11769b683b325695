package dev.hark.codegen.build;

import dev.hark.codegen.model.ArenaBuffer;
import dev.hark.codegen.model.CallBlock;
import dev.hark.codegen.model.TracePoint;
import dev.hark.sim.program.KernelCall;
import dev.hark.sim.program.KernelProgram;
import dev.hark.sim.program.Lowering;
import dev.hark.sim.program.Tensor;
import dev.hark.sim.program.TensorKind;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
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
import dev.hark.codegen.model.StateReset;
import dev.hark.codegen.model.StreamingShape;
import dev.hark.sim.program.KeywordScore;
import dev.hark.sim.program.StreamingStep;
import dev.hark.sim.program.plan.MemoryPlan;
import dev.hark.sim.program.plan.MemoryPlanner;
import dev.hark.sim.program.plan.PlannedBuffer;
import dev.hark.sim.detect.DetectionSettings;
import dev.hark.sim.frontend.FrontendConfig;
import dev.hark.sim.io.Checksums;
import dev.hark.sim.kernels.Rounding;
import dev.hark.sim.model.Layer;
import dev.hark.sim.model.QuantizedModel;
import dev.hark.sim.model.io.ModelFile;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Turns a {@link QuantizedModel} into the complete, not yet rendered C program ({@link GeneratedSources}): lowers
 * it to its {@link KernelProgram} (the calls, tensors and arena plan the simulator executes too) and renders each
 * call with {@link CallRenderer}; here only the C names and the files are decided.
 *
 * <p>The first call reads the caller's {@code features}, the last writes the caller's {@code output}; every other
 * activation and all scratch memory lives in one static arena planned by the given {@link MemoryPlanner}.
 *
 * <p>When the model was trained on this release's front end ({@link FrontendConfig#ID}), the front end's tables
 * ({@link FrontendTablesBuilder}) come with it, so one generated folder holds every constant the firmware needs. A
 * model of another front end gets none: its features must come from that front end.
 */
public final class SourcesBuilder {
    /** Name of the generator in file banners; no version, so output does not change with the build. */
    public static final String GENERATOR = "hark codegen";
    /** Arena and offset alignment in bytes. */
    public static final int ARENA_ALIGNMENT = Lowering.ARENA_ALIGNMENT;

    private final boolean emitComments;
    private final MemoryPlanner planner;
    private final DetectionSettings detector;

    /** A builder whose firmware listens with each model's own detector ({@link QuantizedModel#detector()}). */
    public SourcesBuilder(boolean emitComments, MemoryPlanner planner) {
        this(emitComments, planner, null);
    }

    /**
     * @param detector the detector the firmware listens with instead of the model's; null for the model's
     */
    public SourcesBuilder(boolean emitComments, MemoryPlanner planner, DetectionSettings detector) {
        this.emitComments = emitComments;
        this.planner = planner;
        this.detector = detector;
    }

    /**
     * The network that scores whole clips: {@code hark_network_run}.
     *
     * @throws IllegalArgumentException if the layers do not fit together, the labels do not match the output, or
     *                                  two names clash in C
     */
    public GeneratedSources build(QuantizedModel model) {
        return build(model, Lowering.lower(model, planner));
    }

    /**
     * One step of a stream: {@code hark_network_reset} and {@code hark_network_step}.
     *
     * @param attentionWindow steps the attention pools over
     * @throws IllegalArgumentException as {@link #build(QuantizedModel)}, or if the model cannot stream
     */
    public GeneratedSources buildStreaming(QuantizedModel model, int attentionWindow) {
        return build(model, Lowering.lowerStreaming(model, attentionWindow, planner));
    }

    private GeneratedSources build(QuantizedModel model, KernelProgram program) {
        Assembly a = new Assembly(emitComments);
        for (Tensor t : program.tensors()) {
            if (t.inArena() || t.kind() == TensorKind.VIEW) {
                a.claim(CFormat.identifier(t.name()));
            }
        }
        CallRenderer renderer = new CallRenderer(a, program);
        List<KernelCall> calls = program.calls();
        for (int i = 0; i < calls.size(); i++) {
            List<TracePoint> traces = new ArrayList<>();
            for (dev.hark.sim.program.TracePoint t : program.tracesAfter(i)) {
                traces.add(new TracePoint(Assembly.layerMacro(t.traced().name()), renderer.expression(t.tensor())));
            }
            if (renderer.leftOut(calls.get(i)) && traces.isEmpty()) {
                continue;
            }
            a.layerCalls.add(new CallBlock(calls.get(i).accept(renderer), traces));
        }

        String digest = Checksums.sha256Hex(ModelFile.toBytes(model));
        String modelName = model.info().name();
        List<GeneratedFile> files = new ArrayList<>();
        files.add(new GeneratedFile("hark_model_settings.h", new ModelSettingsHeader(
                banner("hark_model_settings.h", "the constants the application must share with training.", modelName,
                        digest),
                "HARK_MODEL_SETTINGS_H", SettingsEmitter.macros(model.info(), model.rounding(),
                        program.output().quant(), detector != null ? detector : model.detector(),
                        detectorOrigin(model), this::comment))));
        files.add(new GeneratedFile("hark_model_data.h", new ModelDataHeader(
                banner("hark_model_data.h", "the model's constants that hark_network.c uses.", modelName, digest),
                "HARK_MODEL_DATA_H", a.dataMacros, a.declarations)));
        files.add(new GeneratedFile("hark_model_data.c", new ModelDataSource(
                banner("hark_model_data.c", "every weight, bias, multiplier, table and parameter struct of the model"
                        + " (read-only, placed in flash).", modelName, digest), a.constants)));
        String api = program.isStreaming() ? "the API to run the network one step of a stream at a time."
                : "the API to run the network on one clip of features.";
        files.add(new GeneratedFile("hark_network.h", new NetworkHeader(banner("hark_network.h", api, modelName,
                digest), "HARK_NETWORK_H", program.input().size(), program.output().size(),
                program.arena().peakBytes(), program.arena().alignment(), streamingShape(program),
                program.traces().size(), layerMacros(program))));
        files.add(new GeneratedFile("hark_network.c", new NetworkSource(
                banner("hark_network.c", "the network as a sequence of CMSIS-NN and hark kernel calls.", modelName,
                        digest),
                model.rounding() == Rounding.SINGLE, program.isStreaming(), arena(program, renderer.untouchedTensors()), stateResets(program),
                layerNames(program), layerSizes(program), a.layerCalls)));
        if (model.info().frontend().equals(FrontendConfig.ID)) {
            files.addAll(FrontendTablesBuilder.build(emitComments));
        }
        return new GeneratedSources(files, program.arena());
    }

    /** The arena's buffers, but for those no call of the code touches ({@code untouched}, by name). */
    private ArenaPlan arena(KernelProgram program, Set<String> untouched) {
        MemoryPlan plan = program.arena();
        Map<String, Tensor> byName = new HashMap<>();
        for (Tensor t : program.tensors()) {
            byName.put(t.name(), t);
        }
        List<ArenaBuffer> buffers = new ArrayList<>();
        for (PlannedBuffer b : plan.buffers()) {
            if (untouched.contains(b.name())) {
                continue;
            }
            buffers.add(new ArenaBuffer(CFormat.identifier(b.name()), b.offset(), b.size(),
                    emitComments ? b.size() + " bytes: " + byName.get(b.name()).description() : ""));
        }
        List<String> table = emitComments ? plan.toTable().lines().toList() : List.of();
        return new ArenaPlan(plan.peakBytes(), plan.alignment(), !program.state().isEmpty(),
                Comment.verbatim(table).lines(), buffers);
    }

    private List<StateReset> stateResets(KernelProgram program) {
        List<StateReset> resets = new ArrayList<>();
        for (Tensor t : program.state()) {
            PlannedBuffer b = program.arena().get(t.name());
            resets.add(new StateReset(CFormat.identifier(t.name()), b.offset(), b.size(), t.resetValue(),
                    comment(t.description() + ": " + t.resetValue() + " at the start of a stream.")));
        }
        return resets;
    }

    private static StreamingShape streamingShape(KernelProgram program) {
        if (!program.isStreaming()) {
            return null;
        }
        StreamingStep step = program.streaming();
        KeywordScore score = step.keywordScore();
        StreamingShape.KeywordScoreMacros macros = score == null ? null : new StreamingShape.KeywordScoreMacros(
                Assembly.layerMacro(score.logits()), program.output().size(), score.keywordClass(),
                score.perCode().multiplier(), score.perCode().shift(),
                String.format(Locale.ROOT, "%.6f", score.perCode().realValue()));
        return new StreamingShape(program.input().size() / step.windowFrames(), step.windowFrames(),
                step.hopFrames(), step.attentionWindow(), macros);
    }

    private static List<MacroConstant> layerMacros(KernelProgram program) {
        List<MacroConstant> macros = new ArrayList<>();
        List<Layer.TracedTensor> traced = program.tracedTensors();
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

    private static List<String> layerNames(KernelProgram program) {
        List<String> names = new ArrayList<>();
        for (Layer.TracedTensor t : program.tracedTensors()) {
            names.add(CFormat.string(t.name()));
        }
        return names;
    }

    private static List<Integer> layerSizes(KernelProgram program) {
        List<Integer> sizes = new ArrayList<>();
        for (Layer.TracedTensor t : program.tracedTensors()) {
            sizes.add(t.size());
        }
        return sizes;
    }

    private String detectorOrigin(QuantizedModel model) {
        if (detector != null) {
            return "set at generation instead of the model's";
        }
        return model.knownDetector().isPresent() ? "the one chosen for the model (its file's detector section)"
                : "the default, as the model records none";
    }

    private Comment comment(String text) {
        return emitComments ? Comment.of(text) : Comment.NONE;
    }

    private static FileBanner banner(String file, String purpose, String modelName, String digest) {
        return new FileBanner(Comment.of(file + ": " + purpose).lines(),
                "model \"" + CFormat.commentText(modelName) + "\"", "SHA-256 " + digest, "the model", GENERATOR);
    }
}
