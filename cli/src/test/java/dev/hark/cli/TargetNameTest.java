package dev.hark.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hark.config.Setting;
import dev.hark.firmware.run.Target;
import dev.hark.testing.Fast;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import picocli.CommandLine.TypeConversionException;

@Fast
class TargetNameTest {
    @Test
    void everyTargetIsTakenByItsMakefileNameAndInUpperCase() {
        TargetName names = new TargetName();
        for (Target target : TargetName.runnableTargets()) {
            assertEquals(target, names.convert(target.makeName()));
            assertEquals(target, names.convert(target.makeName().toUpperCase(Locale.ROOT).replace('-', '_')));
        }
        assertEquals(Target.MPS2_AN386, names.convert("MPS2_AN386"));
    }

    @Test
    void anUnknownTargetListsTheKnownOnes() {
        TypeConversionException e = assertThrows(TypeConversionException.class,
                () -> new TargetName().convert("mps2-an999"));
        for (Target target : TargetName.runnableTargets()) {
            assertTrue(e.getMessage().contains(target.makeName()), e.getMessage());
        }
    }

    @Test
    void aRealBoardQemuCannotRunIsNoTargetToRunOn() {
        assertTrue(Target.named("nucleo-f446re").board().isPresent());
        TypeConversionException e = assertThrows(TypeConversionException.class,
                () -> new TargetName().convert("nucleo-f446re"));
        assertTrue(e.getMessage().endsWith("but was 'nucleo-f446re'") && !e.getMessage().contains("nucleo-f446re,"),
                e.getMessage());
    }

    @Test
    void theTargetsSettingSaysWhereTheBoardsAreListed() {
        String description = Setting.TARGETS.description();
        assertTrue(description.contains("host") && description.contains("hark boards"), description);
    }
}
