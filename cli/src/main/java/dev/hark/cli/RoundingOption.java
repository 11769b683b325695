package dev.hark.cli;

import dev.hark.sim.kernels.Rounding;
import java.util.Locale;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;

/** The {@code --rounding} option of the commands that quantize. */
final class RoundingOption {
    @Option(names = "--rounding", defaultValue = "double", paramLabel = "single|double",
            converter = RoundingConverter.class,
            description = "Requantization rounding, as CMSIS-NN is built for it: double (CMSIS-NN's default) or single"
                    + " (CMSIS_NN_USE_SINGLE_ROUNDING). The firmware is built for the model's rounding."
                    + " Default: ${DEFAULT-VALUE}.")
    Rounding rounding;

    /** "single" or "double", in any case. */
    static final class RoundingConverter implements ITypeConverter<Rounding> {
        @Override
        public Rounding convert(String value) {
            return switch (value.toLowerCase(Locale.ROOT)) {
                case "single" -> Rounding.SINGLE;
                case "double" -> Rounding.DOUBLE;
                default -> throw new IllegalArgumentException("'" + value + "' is neither single nor double");
            };
        }
    }
}
