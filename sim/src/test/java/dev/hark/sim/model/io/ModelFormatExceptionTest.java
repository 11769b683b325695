package dev.hark.sim.model.io;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.hark.testing.Fast;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** A model file's own strings cannot break the one-line message. */
@Fast
class ModelFormatExceptionTest {
    @Test
    void controlCharactersInTheProblemAreWrittenAsEscapes() {
        ModelFormatException e = new ModelFormatException(Path.of("m.hark"),
                "tensor gru2.w: unknown dtype in\nt8\r\t\u0000\u2028");
        assertEquals("m.hark: tensor gru2.w: unknown dtype in\\nt8\\r\\t\\u0000\\u2028", e.getMessage());
    }

    @Test
    void anOrdinaryProblemIsKeptAsItIs() {
        assertEquals("m.hark: malformed header: tensor conv.weights: unknown dtype float32 (é)",
                new ModelFormatException(Path.of("m.hark"),
                        "malformed header: tensor conv.weights: unknown dtype float32 (é)").getMessage());
    }
}
