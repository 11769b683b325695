package dev.hark.sim.io;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hark.testing.Fast;
import java.nio.file.Files;
import org.junit.jupiter.api.Test;

@Fast
class ExecutablesTest {
    @Test
    void findsAnInstalledProgramAndNotAnImaginaryOne() {
        assertTrue(Executables.find("sh").map(Files::isExecutable).orElse(false));
        assertFalse(Executables.isInstalled("surely-not-a-real-tool-name"));
    }
}
