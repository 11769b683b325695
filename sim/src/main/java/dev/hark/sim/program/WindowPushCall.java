package dev.hark.sim.program;

import java.util.List;

/**
 * {@code hark_window_push_s8(window, slot_size, slots, input)}: a streaming program's sliding window over its last
 * {@code slots} steps, {@code [slots][slotSize]} oldest first, drops its oldest slot and takes {@code input} as the
 * newest. The window is a {@link TensorKind#STATE} tensor, so the call both reads and writes it.
 *
 * <p>Why a slide and not a ring with a moving head: the kernels that read the window (softmax, the transpose
 * before the weighted sum) then see the steps in time order, as in the whole-clip program, and the slide costs
 * {@code (slots - 1) * slotSize} byte moves per step, little beside the step's multiply-accumulates.
 *
 * @param purpose what the window holds, in words
 */
public record WindowPushCall(String layer, String part, String purpose, int slotSize, int slots, TensorId input,
                             TensorId window) implements KernelCall {
    public WindowPushCall {
        if (slotSize < 1 || slots < 1) {
            throw new IllegalArgumentException(layer + " " + part + ": a window of " + slots + " slots of "
                    + slotSize + " bytes");
        }
    }

    @Override
    public List<TensorId> reads() {
        return List.of(input, window);
    }

    @Override
    public List<TensorId> writes() {
        return List.of(window);
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
        return visitor.windowPush(this);
    }
}
