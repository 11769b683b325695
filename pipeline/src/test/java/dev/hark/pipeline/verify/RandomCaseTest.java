package dev.hark.pipeline.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hark.sim.kernels.Rounding;
import dev.hark.testing.Fast;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A random-model case: drawn from its seed alone, written and read back unchanged, a bad file named. */
@Fast
class RandomCaseTest {
    @Test
    void aSeedGivesTheSameWholeClipAndStreamingCaseEveryTime() {
        List<RandomCase> cases = RandomCase.ofSeed(1_000_003, Rounding.SINGLE);
        assertEquals(cases, RandomCase.ofSeed(1_000_003, Rounding.SINGLE));
        assertEquals(List.of(false, true), cases.stream().map(RandomCase::streaming).toList());
        assertEquals(cases.get(0).shape(), cases.get(1).shape());
        assertTrue(cases.get(1).frames() >= 3 * cases.get(1).shape().frames());
    }

    @Test
    void aCaseIsReadBackFromItsProperties() {
        for (RandomCase c : RandomCase.ofSeed(1_000_004, Rounding.DOUBLE)) {
            assertEquals(c, RandomCase.parse(c.toProperties(), "case.properties"));
        }
        RandomCase fewer = new RandomCase(9, RandomCase.ofSeed(9, Rounding.DOUBLE).get(0).shape(), Rounding.DOUBLE,
                false, 3, List.of("all-max", "alternating"), 40);
        assertEquals(fewer, RandomCase.parse(fewer.toProperties(), "x"));
    }

    @Test
    void aBadCaseFileIsNamed() {
        String good = RandomCase.ofSeed(5, Rounding.DOUBLE).get(1).toProperties();
        assertEquals("f.properties: case.seed is missing", message(good.replaceAll("case.seed=.*\n", "")));
        assertEquals("f.properties: case.kind clip: expected whole or stream",
                message(good.replace("case.kind=stream", "case.kind=clip")));
        assertTrue(message(good.replaceAll("case.frames=\\d+", "case.frames=many")).startsWith("f.properties: "));
    }

    private static String message(String text) {
        return assertThrows(IllegalArgumentException.class, () -> RandomCase.parse(text, "f.properties"))
                .getMessage();
    }
}
