package dev.hark.sim.program;

import dev.hark.sim.kernels.Rounding;
import dev.hark.sim.model.Layer;
import dev.hark.sim.model.ModelInfo;
import dev.hark.sim.program.plan.MemoryPlan;
import java.util.ArrayList;
import java.util.List;

/**
 * The network as the device runs it: an ordered list of kernel calls over numbered tensors, the trace points and
 * the arena plan. Made once from a quantized model by {@link Lowering}; the simulator executes it, the code
 * generator renders it and {@link ProgramCounts} counts it, so the three cannot disagree.
 *
 * <p>A program either scores a whole clip ({@link Lowering#lower}) or is one step of a stream
 * ({@link Lowering#lowerStreaming}): the same calls on shorter tensors, plus {@link TensorKind#STATE} tensors that
 * carry the GRU's hidden state and the attention's window from one run to the next.
 *
 * @param info     what the model expects and promises
 * @param rounding the CMSIS-NN rounding mode its integers were made for
 * @param tensors  every tensor, indexed by {@link TensorId#index()}
 * @param calls    the calls in execution order; a call's index is its step in the memory plan
 * @param traces   the traced tensors in trace order
 * @param arena     where each {@link Tensor#inArena()} tensor lives, by {@link Tensor#name()}
 * @param streaming for one step of a stream, its shape; {@code null} for a program that scores a whole clip
 */
public record KernelProgram(ModelInfo info, Rounding rounding, List<Tensor> tensors, List<KernelCall> calls,
                            List<TracePoint> traces, MemoryPlan arena, StreamingStep streaming) {
    public KernelProgram {
        tensors = List.copyOf(tensors);
        calls = List.copyOf(calls);
        traces = List.copyOf(traces);
        for (int i = 0; i < tensors.size(); i++) {
            if (tensors.get(i).id().index() != i) {
                throw new IllegalArgumentException("tensor " + tensors.get(i).name() + " is listed at " + i);
            }
        }
    }

    /** True for one step of a stream. */
    public boolean isStreaming() {
        return streaming != null;
    }

    /** The tensors that carry a stream from one step to the next, in tensor order (none for a whole clip). */
    public List<Tensor> state() {
        return tensors.stream().filter(t -> t.kind() == TensorKind.STATE).toList();
    }

    public Tensor tensor(TensorId id) {
        return tensors.get(id.index());
    }

    /** The tensor whose memory holds {@code id}'s bytes: itself, or for a view the tensor it points into. */
    public Tensor storage(TensorId id) {
        return storage(tensors, id);
    }

    /** {@link #storage(TensorId)} over a tensor list still being built (the lowering needs it before the plan). */
    static Tensor storage(List<Tensor> tensors, TensorId id) {
        Tensor t = tensors.get(id.index());
        while (t.base() != null) {
            t = tensors.get(t.base().index());
        }
        return t;
    }

    /** The features the program reads. */
    public Tensor input() {
        return only(TensorKind.FEATURES);
    }

    /** The buffer the last call writes. */
    public Tensor output() {
        return only(TensorKind.OUTPUT);
    }

    /** The trace points after call {@code index}, in trace order. */
    public List<TracePoint> tracesAfter(int index) {
        List<TracePoint> after = new ArrayList<>();
        for (TracePoint t : traces) {
            if (t.afterCall() == index) {
                after.add(t);
            }
        }
        return after;
    }

    /** Every traced tensor in trace order, as the firmware harness records them. */
    public List<Layer.TracedTensor> tracedTensors() {
        return traces.stream().map(TracePoint::traced).toList();
    }

    private Tensor only(TensorKind kind) {
        return tensors.stream().filter(t -> t.kind() == kind).findFirst()
                .orElseThrow(() -> new IllegalStateException("the program has no " + kind + " tensor"));
    }
}
