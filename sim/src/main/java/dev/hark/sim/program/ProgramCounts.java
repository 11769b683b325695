package dev.hark.sim.program;

import dev.hark.sim.glue.HarkGruS8;
import dev.hark.sim.kernels.CmsisNnDims;
import dev.hark.sim.kernels.HarkConvolve1chS8;
import dev.hark.sim.kernels.Rounding;
import dev.hark.sim.model.FullyConnected;
import dev.hark.sim.model.GruLayer;

/**
 * What a {@link KernelProgram} costs, counted from its calls: the figures a compression table and a memory report
 * quote, so they describe exactly the network the firmware runs.
 *
 * <p>MACs are counted as the common PyTorch counter ({@code thop}) counts them, so figures compare with published
 * ones: a convolution one per kernel tap per output value, a fully-connected call {@code batches x in x out}, a GRU
 * step {@code 3 H (in + H)} for its six gate matrices plus {@code 13 H} element-wise operations (six bias adds,
 * the two pre-activation adds of r and z, r times the hidden projection of n and its add, and the three operations
 * of {@code (1 - z) n + z h}); look-up tables, softmax, transposes, views and window
 * slides count 0.
 *
 * <p>Constant bytes are what the firmware keeps in flash besides code: int8 weights (1 byte; a filter widened for
 * {@code hark_convolve_1ch_s8} 2 bytes a tap, kernel rows and channels padded to even counts), int32 biases (4), the
 * convolution's per-channel multiplier and shift (8 per channel), each call's scalar parameters as int32
 * (convolution 4, fully connected 6, GRU element-wise add 12 and multiply 7 each, softmax 3) and 256 bytes per
 * look-up table, and each GRU layer's addition tables ({@link HarkGruS8#addInputTablesBytes}). Shapes and the
 * informational float scales live in code and are not counted.
 *
 * <p>Network bytes count the same constants as CMSIS-NN's own kernels would hold them: every filter one byte a tap
 * and no kernel's tables. They describe the int8 network, not the kernels chosen to run it, so they are the figure a
 * compression table compares with the float network's bytes and with published int8 sizes; constant bytes are what
 * a board's flash must hold.
 *
 * @param macs          multiply-accumulates of one run of the program
 * @param constantBytes constant data in flash, as above
 * @param networkBytes  the int8 network's constants as CMSIS-NN's kernels would hold them, as above
 * @param arenaBytes    the static arena that holds every activation and all scratch memory
 * @param tracedBytes   bytes handed to the trace callback in one run
 */
public record ProgramCounts(long macs, long constantBytes, long networkBytes, int arenaBytes, long tracedBytes) {
    /** GRU element-wise operations per hidden unit and step; see the class comment. */
    public static final int GRU_ELEMENTWISE_PER_UNIT = 13;
    static final int CONV_PARAMS = 4 * 4;
    static final int FC_PARAMS = 6 * 4;
    static final int ADD_PARAMS = 12 * 4;
    static final int MUL_PARAMS = 7 * 4;
    static final int SOFTMAX_PARAMS = 3 * 4;
    static final int TABLE = 256;

    public static ProgramCounts of(KernelProgram program) {
        long macs = 0;
        long bytes = 0;
        long networkBytes = 0;
        Cost cost = new Cost(program.rounding());
        for (KernelCall call : program.calls()) {
            CallCost callCost = call.accept(cost);
            macs += callCost.macs();
            bytes += callCost.constantBytes();
            networkBytes += callCost.networkBytes();
        }
        long traced = program.traces().stream().mapToLong(t -> t.traced().size()).sum();
        return new ProgramCounts(macs, bytes, networkBytes, program.arena().peakBytes(), traced);
    }

    /** What one call of {@code program} costs. */
    public static CallCost cost(KernelProgram program, KernelCall call) {
        return call.accept(new Cost(program.rounding()));
    }

    /** Multiply-accumulates, constant bytes and network bytes of one call, by the rules of the class comment. */
    public record CallCost(long macs, long constantBytes, long networkBytes) {
        static final CallCost NONE = new CallCost(0, 0, 0);

        /** A call whose constants CMSIS-NN's kernels would hold the same way. */
        static CallCost asCmsisNn(long macs, long constantBytes) {
            return new CallCost(macs, constantBytes, constantBytes);
        }
    }

    /** The costs of the calls of a program built for {@code rounding}, which the GRU's addition tables are made for. */
    private record Cost(Rounding rounding) implements KernelCall.Visitor<CallCost> {
        @Override
        public CallCost convolve(ConvolveCall c) {
            CmsisNnDims f = c.filterDims();
            int channels = c.bias().length;
            long filterBytes = switch (c.kernel()) {
                case CMSIS_NN_WRAPPER -> c.weights().length;
                case HARK_ONE_CHANNEL -> (long) HarkConvolve1chS8.widenedFilterSize(f) * Short.BYTES;
            };
            long otherBytes = 4L * channels + 8L * channels + CONV_PARAMS;
            return new CallCost((long) c.outputDims().elementCount() * f.h() * f.w() * f.c(),
                    filterBytes + otherBytes, c.weights().length + otherBytes);
        }

        @Override
        public CallCost fullyConnected(FullyConnectedCall c) {
            return CallCost.asCmsisNn((long) c.batches() * c.fc().inputSize() * c.fc().outputSize(), fc(c.fc()));
        }

        @Override
        public CallCost gru(GruCall c) {
            GruLayer g = c.params();
            long h = g.hiddenSize();
            long networkBytes = 4L * ADD_PARAMS + 3L * MUL_PARAMS + 4L * TABLE;
            for (int i = 0; i < 3; i++) {
                networkBytes += fc(g.inputFc()[i]) + fc(g.hiddenFc()[i]);
            }
            return new CallCost(c.steps() * (3 * h * (g.inputSize() + h) + GRU_ELEMENTWISE_PER_UNIT * h),
                    networkBytes + HarkGruS8.addInputTablesBytes(rounding, g), networkBytes);
        }

        @Override
        public CallCost lut(LutCall c) {
            return CallCost.asCmsisNn(0, TABLE);
        }

        @Override
        public CallCost softmax(SoftmaxCall c) {
            return CallCost.asCmsisNn(0, SOFTMAX_PARAMS);
        }

        @Override
        public CallCost transpose(TransposeCall c) {
            return CallCost.NONE;
        }

        @Override
        public CallCost lastStep(LastStepCall c) {
            return CallCost.NONE;
        }

        @Override
        public CallCost windowPush(WindowPushCall c) {
            return CallCost.NONE;
        }

        private long fc(FullyConnected fc) {
            return (fc.weights() == null ? 0 : fc.weights().length) + 4L * fc.bias().length + FC_PARAMS;
        }
    }
}
