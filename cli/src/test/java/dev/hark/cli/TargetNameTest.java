package dev.hark.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hark.config.Setting;
import dev.hark.firmware.run.Target;
import dev.hark.testing.Fast;
import org.junit.jupiter.api.Test;
import picocli.CommandLine.TypeConversionException;

@Fast
class TargetNameTest {
    @Test
    void everyTargetIsTakenByItsMakefileNameAndByItsConstantsName() {
        TargetName names = new TargetName();
        for (Target target : Target.values()) {
            assertEquals(target, names.convert(target.makeName()));
            assertEquals(target, names.convert(target.name()));
        }
    }

    @Test
    void anUnknownTargetListsTheKnownOnes() {
        TypeConversionException e = assertThrows(TypeConversionException.class,
                () -> new TargetName().convert("mps2-an999"));
        for (Target target : Target.values()) {
            assertTrue(e.getMessage().contains(target.makeName()), e.getMessage());
        }
    }

    @Test
    void theTargetsSettingNamesEveryTargetAndItsCore() {
        String description = Setting.TARGETS.description();
        for (Target target : Target.values()) {
            assertTrue(description.contains(target.name()), target + " in: " + description);
            assertTrue(target == Target.HOST || description.contains(target.name() + " (" + target.core() + ")"),
                    target.core() + " in: " + description);
        }
    }
}
