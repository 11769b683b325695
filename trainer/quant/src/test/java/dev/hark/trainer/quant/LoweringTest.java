package dev.hark.trainer.quant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hark.sim.kernels.CmsisNnDims;
import dev.hark.sim.kernels.Rounding;
import dev.hark.sim.program.ConvolveKernel;
import dev.hark.sim.program.TransposeCall;
import dev.hark.sim.program.TracePoint;
import dev.hark.sim.program.TensorKind;
import dev.hark.sim.program.Tensor;
import dev.hark.sim.program.SoftmaxCall;
import dev.hark.sim.program.ProgramCounts;
import dev.hark.sim.program.LutCall;
import dev.hark.sim.program.Lowering;
import dev.hark.sim.program.LastStepCall;
import dev.hark.sim.program.KernelProgram;
import dev.hark.sim.program.KernelCall;
import dev.hark.sim.program.GruCall;
import dev.hark.sim.program.FullyConnectedCall;
import dev.hark.sim.program.ConvolveCall;
import dev.hark.sim.model.QuantizedModel;
import dev.hark.sim.program.plan.PlannedBuffer;
import dev.hark.testing.Fast;
import java.util.List;
import org.junit.jupiter.api.Test;

@Fast
class LoweringTest {
    @Test
    void theDefaultCrnnLowersToElevenCallsInLayerOrder() {
        KernelProgram p = Lowering.lower(RandomModels.defaultSize(1));
        List<Class<?>> kinds = p.calls().stream().<Class<?>>map(Object::getClass).toList();
        assertEquals(List.of(ConvolveCall.class, GruCall.class, GruCall.class, FullyConnectedCall.class,
                LutCall.class, FullyConnectedCall.class, SoftmaxCall.class, TransposeCall.class,
                FullyConnectedCall.class, FullyConnectedCall.class, SoftmaxCall.class), kinds);
        assertEquals(p.input(), p.tensor(((ConvolveCall) p.calls().get(0)).input()));
        assertEquals(p.output(), p.tensor(p.calls().get(p.calls().size() - 1).writes().get(0)));
    }

    @Test
    void tracesFollowTheCallThatProducesThemInTheModelsOrder() {
        QuantizedModel model = RandomModels.defaultSize(2);
        KernelProgram p = Lowering.lower(model);
        assertEquals(model.tracedTensors(), p.tracedTensors());
        for (TracePoint t : p.traces()) {
            assertTrue(p.calls().get(t.afterCall()).writes().contains(t.tensor()),
                    t.traced().name() + " is written by the call it follows");
        }
    }

    @Test
    void everyArenaTensorLivesFromItsFirstWriteToItsLastRead() {
        KernelProgram p = Lowering.lower(RandomModels.create(RandomModels.tinyShape(), 3, Rounding.DOUBLE));
        for (PlannedBuffer b : p.arena().buffers()) {
            int first = Integer.MAX_VALUE;
            int last = -1;
            for (int i = 0; i < p.calls().size(); i++) {
                KernelCall c = p.calls().get(i);
                boolean touches = c.reads().stream().anyMatch(id -> p.storage(id).name().equals(b.name()))
                        || c.writes().stream().anyMatch(id -> p.storage(id).name().equals(b.name()));
                if (touches) {
                    first = Math.min(first, i);
                    last = Math.max(last, i);
                }
            }
            assertEquals(first, b.request().firstUse(), b.name());
            assertEquals(last, b.request().lastUse(), b.name());
        }
        assertEquals(List.of(), p.arena().problems());
    }

    @Test
    void aLastStepIsAViewThatKeepsItsSequenceAlive() {
        KernelProgram p = Lowering.lower(RandomModels.create(RandomModels.tinyShape().toBuilder().optAttention(false).build(), 4,
                Rounding.SINGLE));
        LastStepCall last = p.calls().stream().filter(LastStepCall.class::isInstance).map(LastStepCall.class::cast)
                .findFirst().orElseThrow();
        Tensor view = p.tensor(last.output());
        assertEquals(TensorKind.VIEW, view.kind());
        assertEquals(last.input(), view.base());
        int classifier = p.calls().indexOf(last) + 1;
        assertInstanceOf(FullyConnectedCall.class, p.calls().get(classifier));
        assertEquals(classifier, p.arena().get(p.tensor(last.input()).name()).request().lastUse(),
                "the GRU output lives until the classifier has read the view");
    }

    @Test
    void countsFollowThePublishedFormulaForTheDefaultCrnn() {
        // 101 x 40 features, conv 20 x 5 stride 8 x 2 to 11 x 18 x 8, two GRUs of 64, attention, 2 classes.
        ProgramCounts counts = ProgramCounts.of(Lowering.lower(RandomModels.defaultSize(5)));
        long steps = 11;
        long conv = steps * 18 * 8 * 20 * 5;
        long gru = steps * (3 * 64 * (144 + 64) + 13 * 64) + steps * (3 * 64 * (64 + 64) + 13 * 64);
        long attention = steps * 64 * 64 + steps * 64 + steps * 64;
        assertEquals(conv + gru + attention + 2 * 64, counts.macs());
        assertEquals(932_928, counts.macs(), "the teacher CRNN's figure in docs/metrics.md");
    }

    @Test
    void constantBytesAddUpEveryArrayAndParameterStructAndNetworkBytesLeaveOutTheKernelsLayouts() {
        KernelProgram p = Lowering.lower(RandomModels.create(RandomModels.tinyShape(), 6, Rounding.DOUBLE));
        long expected = 0;
        long kernelExtras = 0;
        for (KernelCall c : p.calls()) {
            if (c instanceof ConvolveCall conv) {
                // hark_convolve_1ch_s8 reads its filter widened to int16, channels and kernel rows padded to even.
                CmsisNnDims f = conv.filterDims();
                long filterBytes = conv.kernel() == ConvolveKernel.HARK_ONE_CHANNEL
                        ? 2L * ((f.n() + 1) / 2 * 2) * f.h() * ((f.w() + 1) / 2 * 2) : conv.weights().length;
                expected += filterBytes + 4L * conv.bias().length + 8L * conv.bias().length + 16;
                kernelExtras += filterBytes - conv.weights().length;
            } else if (c instanceof GruCall g) {
                long h = g.params().hiddenSize();
                long in = g.params().inputSize();
                // Its four additions' input tables, int32 [2][256] each, beside the parameters and activation tables.
                long tables = 4 * (2 * 256 * 4);
                expected += 3 * (in * h + 4 * h + 24) + 3 * (h * h + 4 * h + 24) + 4 * 48 + 3 * 28 + 4 * 256 + tables;
                kernelExtras += tables;
            } else if (c instanceof FullyConnectedCall fc) {
                long weights = fc.fc().weights() == null ? 0 : fc.fc().weights().length;
                expected += weights + 4L * fc.fc().outputSize() + 24;
            } else if (c instanceof LutCall) {
                expected += 256;
            } else if (c instanceof SoftmaxCall) {
                expected += 12;
            }
        }
        assertTrue(kernelExtras > 0, "the tiny network runs hark's own convolution and GRU kernels");
        assertEquals(expected, ProgramCounts.of(p).constantBytes());
        assertEquals(expected - kernelExtras, ProgramCounts.of(p).networkBytes());
    }
}
