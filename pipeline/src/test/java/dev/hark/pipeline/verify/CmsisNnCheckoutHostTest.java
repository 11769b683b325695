package dev.hark.pipeline.verify;

import dev.hark.firmware.run.Target;
import dev.hark.sim.kernels.Rounding;
import dev.hark.testing.Slow;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@link CmsisNnCheckoutCheck} on the host, in single rounding: the rounding the library's C code paths share with
 * the Cortex-M4 test, which covers both roundings where CMSIS-NN has its own DSP code; a second full compile of the
 * library here would add little.
 */
@Slow
class CmsisNnCheckoutHostTest {
    @Test
    void networksBuiltAgainstCmsisNnItselfAreBitExactOnTheHost() throws Exception {
        CmsisNnCheckoutCheck.bitExactOn(Target.HOST, List.of(Rounding.SINGLE),
                Path.of("target", "cmsis-nn-checkout").toAbsolutePath());
    }
}
