package dev.hark.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hark.testing.Fast;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

@Fast
class HarkCommandTest {
    @Test
    void versionComesFromTheBuild() {
        CliRunner.Run run = CliRunner.run("--version");
        assertEquals(ExitCode.OK.code(), run.exitCode());
        String version = System.getProperty("hark.project.version");
        assertNotNull(version, "the build passes the project version to the tests");
        assertEquals("hark " + version, run.out().lines().findFirst().orElse(""), run.out());
    }

    @Test
    void bareCommandPrintsUsageWithEverySubcommand() {
        CliRunner.Run run = CliRunner.run();
        assertEquals(ExitCode.OK.code(), run.exitCode());
        for (String sub : new String[] {"corpus", "train", "quantize", "generate", "verify", "stream", "inspect",
                "bench-listening", "demo"}) {
            assertTrue(run.out().contains(sub), "usage lists " + sub + ":\n" + run.out());
        }
    }

    @Test
    void bareCommandListsTheExitCodes() {
        String usage = CliRunner.run().out();
        for (ExitCode code : ExitCode.values()) {
            assertTrue(usage.lines().anyMatch(line -> line.strip().startsWith(code.code() + " ")),
                    "usage lists exit code " + code + ":\n" + usage);
        }
    }

    @Test
    void everyCommandPrintsItsHelpWithoutAPicocliWarning() {
        PrintStream systemErr = System.err;
        ByteArrayOutputStream warnings = new ByteArrayOutputStream();
        System.setErr(new PrintStream(warnings, true, StandardCharsets.UTF_8)); // picocli warns on System.err
        try {
            for (String command : Hark.commandLine().getSubcommands().keySet()) {
                CliRunner.Run run = CliRunner.run(command, "--help");
                assertEquals(ExitCode.OK.code(), run.exitCode(), command);
                assertTrue(run.out().contains("Usage: hark " + command), run.out());
                assertEquals("", run.err(), command);
            }
        } finally {
            System.setErr(systemErr);
        }
        assertEquals("", warnings.toString(StandardCharsets.UTF_8));
    }

    @Test
    void subcommandsInheritTheVersion() {
        CliRunner.Run run = CliRunner.run("train", "--version");
        assertEquals(ExitCode.OK.code(), run.exitCode());
        assertEquals(CliRunner.run("--version").out(), run.out());
    }

    @Test
    void anUnknownStatePolicyIsAUsageErrorNamingTheOption() {
        CliRunner.Run run = CliRunner.run("state-policies", "--policies", "carried,sometimes");
        assertEquals(ExitCode.USAGE.code(), run.exitCode());
        assertTrue(run.err().contains("--policies") && run.err().contains("sometimes"), run.err());
    }

    @Test
    void streamEvalNamesTheOptionOutOfRange() {
        CliRunner.Run hours = CliRunner.run("stream-eval", "--hours", "0");
        assertEquals(ExitCode.USAGE.code(), hours.exitCode());
        assertTrue(hours.err().contains("--hours"), hours.err());
        CliRunner.Run sentences = CliRunner.run("stream-eval", "--sentences", "-1");
        assertEquals(ExitCode.USAGE.code(), sentences.exitCode());
        assertTrue(sentences.err().contains("--sentences"), sentences.err());
    }

    @Test
    void anUnknownModelVariantIsAUsageErrorNamingTheOption() {
        CliRunner.Run run = CliRunner.run("state-policies", "--models", "trained,tuned-somehow");
        assertEquals(ExitCode.USAGE.code(), run.exitCode());
        assertTrue(run.err().contains("--models") && run.err().contains("tuned-somehow"), run.err());
    }

    @Test
    void streamTuningSequencesTooShortAreAUsageErrorNamingTheOption() {
        CliRunner.Run run = CliRunner.run("stream-tune", "--seconds", "1");
        assertEquals(ExitCode.USAGE.code(), run.exitCode());
        assertTrue(run.err().contains("--seconds"), run.err());
    }

    @Test
    void aRoundingOtherThanSingleOrDoubleIsAUsageError() {
        CliRunner.Run run = CliRunner.run("quantize", "--rounding", "triple");
        assertEquals(ExitCode.USAGE.code(), run.exitCode());
        assertTrue(run.err().contains("'triple' is neither single nor double"), run.err());
        CliRunner.Run distill = CliRunner.run("distill", "--rounding", "triple");
        assertEquals(ExitCode.USAGE.code(), distill.exitCode());
        assertTrue(distill.err().contains("'triple' is neither single nor double"), distill.err());
    }

    @Test
    void unknownOptionIsAUsageError() {
        CliRunner.Run run = CliRunner.run("inspect", "--frobnicate", "x.hark");
        assertEquals(ExitCode.USAGE.code(), run.exitCode());
        assertTrue(run.err().contains("--frobnicate"), run.err());
    }
}
