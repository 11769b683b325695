package dev.hark.trainer.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hark.testing.Fast;
import java.util.Properties;
import org.junit.jupiter.api.Test;

@Fast
class CrnnConfigTest {

    @Test
    void baselineHasTheReportedShapeAndParameterCount() {
        CrnnConfig c = CrnnConfig.defaults();
        assertEquals(11, c.convSteps());
        assertEquals(18, c.convMelPositions());
        assertEquals(144, c.gruInputSize());
        assertEquals(70_443, c.parameterCount());
    }

    @Test
    void smallestStudentOfTheCompressionReportHas3117Parameters() {
        CrnnConfig student = CrnnConfig.builder().optStrideTime(6).optGruHidden(16).optGruLayers(1)
                .optConvChannels(2).build();
        assertEquals(14, student.convSteps());
        assertEquals(3_117, student.parameterCount());
    }

    @Test
    void withoutAttentionTheAttentionParametersAreGone() {
        CrnnConfig c = CrnnConfig.builder().optAttention(false).build();
        assertEquals(70_443 - (64 * 64 + 64 + 64 + 1), c.parameterCount());
    }

    @Test
    void propertiesRoundTrip() {
        CrnnConfig c = CrnnConfig.builder().optGruHidden(24).optAttention(false).optFrames(99)
                .optInputNormalization(14.487074f, 4.636519f).build();
        assertEquals(c, CrnnConfig.fromProperties(c.toProperties(), "test"));
        assertEquals(c, c.toBuilder().build());
    }

    @Test
    void missingOrMalformedPropertiesAreNamed() {
        Properties p = CrnnConfig.defaults().toProperties();
        p.remove("crnn.gruHidden");
        IllegalArgumentException missing = assertThrows(IllegalArgumentException.class,
                () -> CrnnConfig.fromProperties(p, "model/crnn.properties"));
        assertTrue(missing.getMessage().contains("model/crnn.properties"), missing.getMessage());
        assertTrue(missing.getMessage().contains("crnn.gruHidden"), missing.getMessage());

        p.setProperty("crnn.gruHidden", "many");
        assertThrows(IllegalArgumentException.class, () -> CrnnConfig.fromProperties(p, "x"));
    }

    @Test
    void rejectsShapesWithoutAConvolutionOutput() {
        assertThrows(IllegalArgumentException.class, () -> CrnnConfig.builder().optFrames(10).build());
        assertThrows(IllegalArgumentException.class, () -> CrnnConfig.builder().optGruHidden(0).build());
        assertThrows(IllegalArgumentException.class, () -> CrnnConfig.builder().optClasses(1).build());
        assertThrows(IllegalArgumentException.class,
                () -> CrnnConfig.builder().optInputNormalization(1f, 0f).build());
    }
}
