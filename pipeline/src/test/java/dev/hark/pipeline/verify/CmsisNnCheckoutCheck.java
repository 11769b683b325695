package dev.hark.pipeline.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hark.firmware.KernelLibrary;
import dev.hark.firmware.run.MissingToolException;
import dev.hark.firmware.run.Target;
import dev.hark.sim.kernels.Rounding;
import dev.hark.sim.model.QuantizedModel;
import dev.hark.testing.SharedFolder;
import dev.hark.trainer.quant.RandomModels;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Assumptions;

/**
 * Generated networks built against ARM's CMSIS-NN itself ({@code ../shared/third_party/cmsis-nn}, unmodified, used
 * in place) instead of the portable subset: a few random CRNNs in each rounding mode, every traced byte compared
 * with the simulator.
 */
final class CmsisNnCheckoutCheck {
    /** The checkout, as the shared folder holds it. */
    static final String CHECKOUT = "third_party/cmsis-nn";
    private static final int MODELS = 3;

    private CmsisNnCheckoutCheck() {
    }

    /**
     * Checks {@value #MODELS} models per rounding on {@code target}; skips naming a missing tool. Each rounding
     * compiles the whole library once (about 50 s on the 2-core machine).
     */
    static void bitExactOn(Target target, List<Rounding> roundings, Path work) throws Exception {
        Path checkout = SharedFolder.require(CHECKOUT);
        KernelLibrary kernels = KernelLibrary.cmsisNn(checkout);
        for (Rounding rounding : roundings) {
            FirmwareCheck check = new FirmwareCheck(work.resolve(target.makeName() + "-" + rounding), target, rounding,
                    kernels);
            for (int i = 0; i < MODELS; i++) {
                long seed = 7_000 + i;
                QuantizedModel model = RandomModels.create(RandomModelDifferentialTest.randomShape(new Random(seed)),
                        seed, rounding);
                List<byte[]> clips = RandomModels.features(model, 3, seed);
                List<String> ids = new ArrayList<>(List.of("clip-0", "clip-1", "clip-2"));
                FirmwareCheck.Outcome outcome;
                try {
                    outcome = check.check(model, clips, ids);
                } catch (MissingToolException missing) {
                    Assumptions.abort(missing.getMessage());
                    return;
                }
                String where = target.makeName() + ", " + rounding + " rounding, seed " + seed;
                assertEquals(kernels, outcome.build().kernels(), where);
                assertEquals(rounding, outcome.build().rounding(), where);
                assertTrue(outcome.comparison().identical(), where + ": " + outcome.comparison().summary());
                assertTrue(outcome.comparison().bytesCompared() > 0, where);
                // The Makefile records the flags of the last build (the library's include folder among them) and
                // puts each object under obj/ at its source's absolute path.
                Path library = checkout.toAbsolutePath().normalize();
                Path buildDir = outcome.build().executable().getParent();
                assertTrue(Files.readString(buildDir.resolve("compile-flags.txt"))
                        .contains("-isystem " + library.resolve("Include")), where + ": not built with the checkout");
                assertTrue(Files.isRegularFile(Path.of(buildDir + "/obj"
                        + library.resolve("Source/ConvolutionFunctions/arm_convolve_s8.o"))), where
                        + ": the checkout's kernels were not compiled");
            }
        }
    }
}
