package dev.hark.sim.quant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.hark.sim.GoldenFileTest;
import dev.hark.testing.Fast;
import org.junit.jupiter.api.Test;

/** Softmax parameter derivation against the float fields of {@code softmax_s8.json}. */
@Fast
class SoftmaxParamsTest extends GoldenFileTest {

    SoftmaxParamsTest() {
        super("softmax_s8.json", (rounding, c) -> {
            float beta = c.floatParam("beta");
            float inputScale = c.floatParam("input_scale");
            assertEquals(c.doubleParam("real_multiplier"), (double) beta * inputScale * (1 << 26),
                    "case " + c.name() + ": real multiplier");
            assertEquals(new SoftmaxParams(c.intParam("mult"), c.intParam("shift"), c.intParam("diff_min")),
                    SoftmaxParams.of(beta, inputScale), "case " + c.name());
        });
    }

    @Test
    void readmeExample() {
        assertEquals(new SoftmaxParams(1 << 30, 23, -248), SoftmaxParams.of(1f, 1f / 16));
    }

    @Test
    void tooSmallProductIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> SoftmaxParams.of(1f, 1e-9f));
    }
}
