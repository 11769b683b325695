package dev.hark.trainer.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.hark.sim.model.TensorQuant;
import dev.hark.testing.Fast;
import java.util.List;
import org.junit.jupiter.api.Test;

@Fast
class InputStatisticsTest {
    private static final TensorQuant QUANT = new TensorQuant(0.125f, -128);

    /** Codes -128, -120, -112, -104 dequantize to 0, 1, 2, 3: mean 1.5, std sqrt(1.25). */
    @Test
    void measuresTheDequantizedValues() {
        List<Example> clips = List.of(new Example(new byte[] {-128, -120}, 0),
                new Example(new byte[] {-112, -104}, 1));
        InputStatistics s = InputStatistics.measure(clips, QUANT);
        assertEquals(1.5f, s.mean(), 1e-6);
        assertEquals(Math.sqrt(1.25), s.std(), 1e-6);
    }

    @Test
    void aConstantInputGetsUnitStd() {
        InputStatistics s = InputStatistics.measure(List.of(new Example(new byte[] {0, 0, 0}, 0)), QUANT);
        assertEquals(16f, s.mean(), 0f);
        assertEquals(1f, s.std(), 0f);
        assertThrows(IllegalArgumentException.class, () -> InputStatistics.measure(List.of(), QUANT));
    }
}
