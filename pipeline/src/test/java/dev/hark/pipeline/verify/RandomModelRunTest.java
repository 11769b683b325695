package dev.hark.pipeline.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.hark.firmware.run.Target;
import dev.hark.sim.kernels.Rounding;
import dev.hark.testing.Fast;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The large random-model run's arguments: defaults, every option, and a one-line error naming a bad one. */
@Fast
class RandomModelRunTest {
    @Test
    void onlyTheModelCountIsRequired() {
        RandomModelRun.Settings settings = RandomModelRun.parse(new String[] {"--models", "12"});
        assertEquals(new RandomModelRun.Settings(12, RandomModelRun.DEFAULT_FIRST_SEED,
                List.of(Target.HOST, Target.MPS2_AN386), List.of(Rounding.values()),
                Path.of("target", "random-models"), RandomModelRun.DEFAULT_BATCH, RandomModelRun.DEFAULT_SHRINKS,
                InjectedFault.NONE), settings);
    }

    @Test
    void everyOptionIsRead() {
        RandomModelRun.Settings settings = RandomModelRun.parse(new String[] {"--models", "3", "--first-seed", "7",
                "--targets", "all", "--roundings", "single", "--out", "x", "--batch", "5", "--shrink", "0",
                "--inject-fault", "gru2-weight"});
        List<Target> hostAndEmulated = new ArrayList<>(List.of(Target.HOST));
        hostAndEmulated.addAll(Target.boards());
        assertEquals(new RandomModelRun.Settings(3, 7, hostAndEmulated, List.of(Rounding.SINGLE), Path.of("x"),
                5, 0, InjectedFault.GRU2_WEIGHT),
                settings);
        assertEquals(Target.boards(), RandomModelRun.parse(new String[] {"--models", "1", "--targets",
                Target.ALL_EMULATED}).targets());
    }

    @Test
    void aBadArgumentIsNamed() {
        assertEquals("--models is missing", message());
        assertEquals("--models 0: expected a count of at least 1", message("--models", "0"));
        assertEquals("--first-seed x: not a number", message("--models", "1", "--first-seed", "x"));
        assertEquals("--roundings: unknown rounding 'triple'; expected single or double",
                message("--models", "1", "--roundings", "triple"));
        assertEquals("--out needs a value", message("--models", "1", "--out"));
        assertEquals("unknown option --model", message("--model", "1"));
        assertEquals("--batch 0: expected a count of at least 1", message("--models", "1", "--batch", "0"));
        assertEquals("--inject-fault: unknown fault 'gru3'; expected none or gru2-weight",
                message("--models", "1", "--inject-fault", "gru3"));
        Target notEmulated = Target.all().stream().filter(t -> t.board().isPresent()
                && !t.board().get().isEmulated()).findFirst().orElseThrow();
        assertEquals("--targets: " + notEmulated.makeName() + " is not emulated by QEMU; expected the host or one of "
                + Target.boards().stream().map(Target::makeName).toList(),
                message("--models", "1", "--targets", notEmulated.makeName()));
        assertEquals("--targets: unknown target 'pc': expected " + String.join(", ", Target.names()) + ", "
                + Target.ALL_EMULATED + " or all", message("--models", "1", "--targets", "host,pc"));
    }

    private static String message(String... args) {
        return assertThrows(IllegalArgumentException.class, () -> RandomModelRun.parse(args)).getMessage();
    }
}
