package dev.hark.cli;

import dev.hark.trainer.prune.PruningAmount;
import dev.hark.trainer.prune.PruningCriterion;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * How the commands that prune ({@code hark prune --fraction}, {@code hark crossval --prune}) read the amounts and
 * the criterion, so both take the same spellings and refuse the same values with the same words.
 */
final class PruningArguments {
    /** What the amount options' help says they take. */
    static final String AMOUNTS_HELP = "f removes f of the conv channels and f of the GRU units; c:u removes c of "
            + "the channels and u of the units";

    /** What the criterion options' help says they take. */
    static final String CRITERION_HELP = "weight (L1 norm of their weights) or activation (mean |output| on training "
            + "clips)";

    private PruningArguments() {
    }

    /** @param option the option's name, for the error line */
    static List<PruningAmount> amounts(List<String> fractions, String option) {
        List<PruningAmount> amounts = new ArrayList<>();
        for (String fraction : fractions) {
            String[] parts = fraction.split(":", -1);
            if (parts.length > 2) {
                throw new HarkException(ExitCode.BAD_INPUT, option + " " + fraction + ": at most channels:units");
            }
            try {
                amounts.add(parts.length == 1 ? PruningAmount.uniform(Double.parseDouble(parts[0]))
                        : new PruningAmount(Double.parseDouble(parts[0]), Double.parseDouble(parts[1])));
            } catch (IllegalArgumentException e) {
                throw new HarkException(ExitCode.BAD_INPUT, option + " " + fraction + ": " + (e instanceof
                        NumberFormatException ? "not a fraction or channels:units pair" : e.getMessage()));
            }
        }
        return amounts;
    }

    /** @param option the option's name, for the error line */
    static PruningCriterion criterion(String criterion, String option) {
        return switch (criterion.toLowerCase(Locale.ROOT)) {
            case "weight" -> PruningCriterion.WEIGHT_L1;
            case "activation" -> PruningCriterion.ACTIVATION_L1;
            default -> throw new HarkException(ExitCode.BAD_INPUT, option + " must be weight or activation, got "
                    + criterion);
        };
    }
}
