package dev.hark.cli;

import dev.hark.firmware.run.Target;
import java.util.Iterator;
import java.util.List;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * A target the command line runs firmware on, as the Makefile names it: {@code host} or a board QEMU emulates, by its
 * folder name ({@code mps2-an386}); the upper-case spelling ({@code MPS2_AN386}) is accepted too. A real board that
 * QEMU cannot run is not one ({@code hark flash} takes those). As completion candidates it lists the folder names.
 */
final class TargetName implements ITypeConverter<Target>, Iterable<String> {
    @Override
    public Target convert(String value) {
        try {
            Target target = Target.named(value);
            if (runnable(target)) {
                return target;
            }
        } catch (IllegalArgumentException e) {
            // reported below, with the targets there are
        }
        throw new TypeConversionException("expected one of " + String.join(", ", this) + " but was '" + value + "'");
    }

    @Override
    public Iterator<String> iterator() {
        return runnableTargets().stream().map(Target::makeName).iterator();
    }

    /** The host and the boards QEMU emulates. */
    static List<Target> runnableTargets() {
        return Target.all().stream().filter(TargetName::runnable).toList();
    }

    private static boolean runnable(Target target) {
        return target.isHost() || target.isEmulated();
    }
}
