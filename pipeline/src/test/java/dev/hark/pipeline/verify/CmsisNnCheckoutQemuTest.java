package dev.hark.pipeline.verify;

import dev.hark.firmware.run.Target;
import dev.hark.sim.kernels.Rounding;
import dev.hark.testing.Qemu;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link CmsisNnCheckoutCheck} on a Cortex-M4, where CMSIS-NN takes its DSP code paths, in both roundings. */
@Qemu
class CmsisNnCheckoutQemuTest {
    @Test
    void networksBuiltAgainstCmsisNnItselfAreBitExactOnACortexM4InBothRoundings() throws Exception {
        CmsisNnCheckoutCheck.bitExactOn(Target.MPS2_AN386, List.of(Rounding.values()),
                Path.of("target", "cmsis-nn-checkout").toAbsolutePath());
    }
}
