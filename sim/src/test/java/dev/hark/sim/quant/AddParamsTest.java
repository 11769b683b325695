package dev.hark.sim.quant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.hark.sim.GoldenFileTest;
import dev.hark.testing.Fast;
import org.junit.jupiter.api.Test;

/** Add parameter derivation against the float fields of {@code elementwise_add_s8.json}. */
@Fast
class AddParamsTest extends GoldenFileTest {

    AddParamsTest() {
        super("elementwise_add_s8.json", (rounding, c) -> {
            AddParams expected = new AddParams(c.intParam("left_shift"), c.intParam("input_1_mult"),
                    c.intParam("input_1_shift"), c.intParam("input_2_mult"), c.intParam("input_2_shift"),
                    c.intParam("out_mult"), c.intParam("out_shift"));
            // The scales are float32 in the model; widen exactly as TFLite does.
            AddParams derived = AddParams.of(c.floatParam("input_1_scale"), c.floatParam("input_2_scale"),
                    c.floatParam("output_scale"));
            assertEquals(expected, derived, "case " + c.name());
            assertEquals(-c.intParam("input_1_zero_point"), c.intParam("input_1_offset"), "case " + c.name());
            assertEquals(c.intParam("output_zero_point"), c.intParam("out_offset"), "case " + c.name());
        });
    }

    @Test
    void equalScalesGiveHalfMultipliers() {
        AddParams p = AddParams.of(0.5, 0.5, 1.0);
        assertEquals(new AddParams(20, 1 << 30, 0, 1 << 30, 0, 1 << 30, -19), p);
    }

    @Test
    void nonPositiveScaleIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> AddParams.of(0.0, 0.5, 1.0));
    }
}
