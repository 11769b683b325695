package dev.hark.cli;

import dev.hark.firmware.run.Target;
import java.util.Arrays;
import java.util.Iterator;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * A target as the Makefile and QEMU name it ({@code host}, {@code mps2-an386}); the enum's own names
 * ({@code HOST}, {@code MPS2_AN386}, which {@code --targets} takes) are accepted too. As completion candidates it
 * lists the Makefile's names.
 */
final class TargetName implements ITypeConverter<Target>, Iterable<String> {
    @Override
    public Target convert(String value) {
        for (Target target : Target.values()) {
            if (target.makeName().equals(value) || target.name().equals(value)) {
                return target;
            }
        }
        throw new TypeConversionException("expected one of " + String.join(", ", this) + " but was '" + value + "'");
    }

    @Override
    public Iterator<String> iterator() {
        return Arrays.stream(Target.values()).map(Target::makeName).iterator();
    }
}
