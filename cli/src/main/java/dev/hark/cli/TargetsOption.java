package dev.hark.cli;

import dev.hark.firmware.run.Target;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Stream;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;

/**
 * The {@code --targets} option of the commands that build and run the firmware; a shared setting
 * ({@link dev.hark.config.Setting#TARGETS}), its description and default come from there.
 */
final class TargetsOption {
    @Option(names = "--targets", split = ",", paramLabel = "<targets>", converter = TargetsOption.Name.class,
            completionCandidates = TargetsOption.Name.class)
    List<String> names;

    /** The targets the names stand for, each once, in their order ({@link Target#selected}). */
    List<Target> targets() {
        return Target.selected(names);
    }

    /**
     * A name in the list, checked: a target the command line runs firmware on ({@link TargetName}) or
     * {@value Target#ALL_EMULATED} for every board QEMU emulates.
     */
    static final class Name implements ITypeConverter<String>, Iterable<String> {
        @Override
        public String convert(String value) {
            if (value.strip().equalsIgnoreCase(Target.ALL_EMULATED)) {
                return Target.ALL_EMULATED;
            }
            try {
                new TargetName().convert(value);
                return value;
            } catch (TypeConversionException e) {
                throw new TypeConversionException("expected one of " + String.join(", ", this) + " but was '"
                        + value + "'");
            }
        }

        @Override
        public Iterator<String> iterator() {
            return Stream.concat(TargetName.runnableTargets().stream().map(Target::makeName),
                    Stream.of(Target.ALL_EMULATED)).iterator();
        }
    }
}
