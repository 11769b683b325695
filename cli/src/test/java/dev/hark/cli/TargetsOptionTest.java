package dev.hark.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hark.firmware.run.Target;
import dev.hark.testing.Fast;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParameterException;

@Fast
class TargetsOptionTest {
    @Command(name = "t")
    static final class WithTargets {
        @Mixin
        TargetsOption targets;
    }

    private static List<Target> parse(String... args) {
        WithTargets command = new WithTargets();
        new CommandLine(command).parseArgs(args);
        return command.targets.targets();
    }

    @Test
    void allQemuExpandsToEveryEmulatedBoardBesideTheHost() {
        List<Target> expected = new ArrayList<>(List.of(Target.HOST));
        expected.addAll(Target.boards());
        assertEquals(expected, parse("--targets", "host,all-qemu"));
        assertEquals(List.of(Target.MPS2_AN386), parse("--targets", "MPS2_AN386,mps2-an386"));
    }

    @Test
    void anUnknownNameListsEveryNameTheOptionTakes() {
        ParameterException e = assertThrows(ParameterException.class, () -> parse("--targets", "host,esp32"));
        assertTrue(e.getMessage().contains("expected one of host, ") && e.getMessage().contains(", all-qemu but was"
                + " 'esp32'"), e.getMessage());
        assertThrows(ParameterException.class, () -> parse("--targets", "nucleo-f446re"));
    }
}
