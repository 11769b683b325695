package dev.hark.codegen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hark.testing.Fast;
import org.junit.jupiter.api.Test;

@Fast
class CodegenConfigTest {
    @Test
    void defaultsAndWithers() {
        CodegenConfig config = new CodegenConfig().withModelFile("m.hark").withOutputDirectory("out");
        assertTrue(config.emitComments());
        assertEquals(PlannerKind.GREEDY, config.planner());
        assertEquals("modelFile=m.hark\noutputDirectory=out\nemitComments=true\nplanner=GREEDY\n", config.toString());
    }

    @Test
    void equalityFollowsEverySetting() {
        CodegenConfig a = new CodegenConfig().withModelFile("m").withOutputDirectory("o");
        CodegenConfig b = new CodegenConfig().withModelFile("m").withOutputDirectory("o");
        assertEquals(a, b);
        assertEquals(a.hashCode(), b.hashCode());
        assertNotEquals(a, b.withEmitComments(false));
        assertEquals(a, b, "a wither leaves the original as it was");
        assertNotEquals(a, new CodegenConfig().withModelFile("m").withOutputDirectory("o")
                .withPlanner(PlannerKind.LINEAR));
    }

    @Test
    void validationNamesTheMissingSetting() {
        IllegalArgumentException noModel = assertThrows(IllegalArgumentException.class,
                () -> new CodegenConfig().withOutputDirectory("o").validate(true));
        assertTrue(noModel.getMessage().contains("modelFile"), noModel.getMessage());
        IllegalArgumentException noOutput = assertThrows(IllegalArgumentException.class,
                () -> new CodegenConfig().withModelFile("m").validate(true));
        assertTrue(noOutput.getMessage().contains("outputDirectory"), noOutput.getMessage());
        new CodegenConfig().withOutputDirectory("o").validate(false);
    }
}
