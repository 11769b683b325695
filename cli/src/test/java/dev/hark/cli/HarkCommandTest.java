package dev.hark.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hark.testing.Fast;
import org.junit.jupiter.api.Test;

@Fast
class HarkCommandTest {
    @Test
    void versionComesFromTheBuild() {
        CliRunner.Run run = CliRunner.run("--version");
        assertEquals(ExitCodes.OK, run.exitCode());
        String version = System.getProperty("hark.project.version");
        assertNotNull(version, "the build passes the project version to the tests");
        assertEquals("hark " + version, run.out().lines().findFirst().orElse(""), run.out());
    }

    @Test
    void bareCommandPrintsUsageWithEverySubcommand() {
        CliRunner.Run run = CliRunner.run();
        assertEquals(ExitCodes.OK, run.exitCode());
        for (String sub : new String[] {"corpus", "train", "quantize", "generate", "verify", "inspect", "demo"}) {
            assertTrue(run.out().contains(sub), "usage lists " + sub + ":\n" + run.out());
        }
    }

    @Test
    void unknownOptionIsAUsageError() {
        CliRunner.Run run = CliRunner.run("inspect", "--frobnicate", "x.hark");
        assertEquals(ExitCodes.USAGE, run.exitCode());
        assertTrue(run.err().contains("--frobnicate"), run.err());
    }
}
