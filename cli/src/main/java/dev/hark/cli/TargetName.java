package dev.hark.cli;

import dev.hark.firmware.run.Target;
import java.util.Iterator;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * A target as the Makefile names it: {@code host} or a board's folder name ({@code mps2-an386}); the upper-case
 * spelling ({@code MPS2_AN386}) is accepted too. As completion candidates it lists the folder names.
 */
final class TargetName implements ITypeConverter<Target>, Iterable<String> {
    @Override
    public Target convert(String value) {
        try {
            return Target.named(value);
        } catch (IllegalArgumentException e) {
            throw new TypeConversionException("expected one of " + String.join(", ", this) + " but was '" + value
                    + "'");
        }
    }

    @Override
    public Iterator<String> iterator() {
        return Target.names().iterator();
    }
}
