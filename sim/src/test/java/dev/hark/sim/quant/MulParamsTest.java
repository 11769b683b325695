package dev.hark.sim.quant;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.hark.sim.GoldenVectors;
import dev.hark.sim.GoldenVectors.GoldenCase;
import dev.hark.testing.Fast;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.TestFactory;

/** Mul parameter derivation against the float fields of the s8 and s16 elementwise-mul golden files. */
@Fast
class MulParamsTest {

    @TestFactory
    Stream<DynamicContainer> reproducesStoredIntegersS8() {
        return GoldenVectors.casesOfBothFolders("elementwise_mul_s8.json", (rounding, c) -> check(c));
    }

    @TestFactory
    Stream<DynamicContainer> reproducesStoredIntegersS16() {
        return GoldenVectors.casesOfBothFolders("elementwise_mul_s16.json", (rounding, c) -> check(c));
    }

    private static void check(GoldenCase c) {
        QuantizedMultiplier derived = MulParams.of(c.floatParam("input_1_scale"), c.floatParam("input_2_scale"),
                c.floatParam("output_scale"));
        assertEquals(new QuantizedMultiplier(c.intParam("out_mult"), c.intParam("out_shift")), derived,
                "case " + c.name());
    }
}
