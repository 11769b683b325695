package dev.hark.firmware.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hark.testing.Fast;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

@Fast
class TargetTest {
    @Test
    void allQemuStandsForEveryEmulatedBoardInTheListsPlace() {
        List<Target> expected = new ArrayList<>();
        expected.add(Target.HOST);
        expected.addAll(Target.boards());
        assertEquals(expected, Target.selected(List.of("host", Target.ALL_EMULATED)));
        assertTrue(Target.boards().size() >= 7 && Target.boards().stream().allMatch(Target::isEmulated),
                Target.boards()::toString);
        assertTrue(Target.boards().stream().noneMatch(t -> t.makeName().equals("nucleo-f446re")),
                "a real board is not emulated");
    }

    @Test
    void eachTargetIsSelectedOnceInTheOrderFirstNamed() {
        assertEquals(List.of(Target.MPS2_AN386, Target.HOST),
                Target.selected(List.of("MPS2_AN386", "host", "mps2-an386", " HOST ")));
        List<Target> all = Target.selected(List.of("mps2-an386", "ALL-QEMU"));
        assertEquals(Target.MPS2_AN386, all.get(0));
        assertEquals(Target.boards().size(), all.size());
    }

    @Test
    void anUnknownNameIsNamedWithTheKnownOnes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Target.selected(List.of("host", "esp32")));
        assertTrue(e.getMessage().startsWith("unknown target 'esp32': expected host, "), e.getMessage());
    }
}
