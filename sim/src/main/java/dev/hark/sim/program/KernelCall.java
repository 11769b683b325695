package dev.hark.sim.program;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * One call of the lowered network: one CMSIS-NN or hark kernel call, with exactly the operands the C call takes.
 * The simulator executes these, the code generator renders them (one template per kind) and the counters count
 * them, each as a {@link Visitor}: a new kind adds a visitor method, so every place that does not handle it yet
 * fails to compile. (Java 17, the project's release, has exhaustive pattern switches only as a preview.)
 */
public sealed interface KernelCall permits FullyConnectedCall, WindowPushCall, KernelCall.Unary {
    /** The model layer this call belongs to. */
    String layer();

    /** Tensors the call reads, in argument order. */
    List<TensorId> reads();

    /** Tensors the call writes (its scratch included). */
    List<TensorId> writes();

    /** Dispatches to the visitor method of this call's kind. */
    <R> R accept(Visitor<R> visitor);

    /** The given tensors in order, leaving out absent (null) optional operands. */
    static List<TensorId> present(TensorId... tensors) {
        return Arrays.stream(tensors).filter(Objects::nonNull).toList();
    }

    /** A call that reads one tensor and writes one, and its scratch tensor if it has one. */
    sealed interface Unary extends KernelCall permits LutCall, SoftmaxCall, TransposeCall, LastStepCall, WithScratch {
        TensorId input();

        TensorId output();

        /** The scratch tensor, or {@code null} when there is none (the default). */
        default TensorId scratch() {
            return null;
        }

        @Override
        default List<TensorId> reads() {
            return List.of(input());
        }

        @Override
        default List<TensorId> writes() {
            return present(output(), scratch());
        }
    }

    /** A one-input call with a scratch tensor of a planned size (absent when the kernel needs none). */
    sealed interface WithScratch extends Unary permits ConvolveCall, GruCall {
        /** The scratch size the call passes to its kernel. */
        int scratchBytes();
    }

    /** One method per call kind. */
    interface Visitor<R> {
        R convolve(ConvolveCall call);

        R fullyConnected(FullyConnectedCall call);

        R gru(GruCall call);

        R lut(LutCall call);

        R softmax(SoftmaxCall call);

        R transpose(TransposeCall call);

        R lastStep(LastStepCall call);

        R windowPush(WindowPushCall call);
    }
}
