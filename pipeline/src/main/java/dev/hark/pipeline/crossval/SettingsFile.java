package dev.hark.pipeline.crossval;

import dev.hark.pipeline.prune.PruningRecipe;
import dev.hark.pipeline.workspace.WorkspaceConflictException;
import dev.hark.sim.io.AtomicFiles;
import dev.hark.trainer.model.CrnnConfig;
import dev.hark.trainer.prune.PruningAmount;
import dev.hark.trainer.prune.PruningCriterion;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code crossval.settings}: what a cross-validation's scores depend on. The part every model shares (keyword, folds,
 * epochs, the distillation loss) must be the same for every run on the folder; each model's own part is a line
 * {@code model <name>=<settings>}, checked only when a run asks for that model again. So a finished folder gains new
 * rows (another student, another pruned network) without training its finished models again, and a model asked for
 * with other settings than it was trained with is refused, never mixed in.
 *
 * <p>A folder written before models had lines of their own (one {@code models=} line, {@code branchedConv=true},
 * {@code pruning=amounts=... }) is read as the model lines it stands for, and written back in this form when it gains
 * a row.
 *
 * @param shared what every model depends on, lines ending in a line break
 * @param models each model's own settings, in the order its rows were added
 */
record SettingsFile(String shared, Map<String, String> models) {
    private static final String MODEL = "model ";
    private static final Pattern LEGACY_PRUNING = Pattern.compile("amounts=(\\S+) (criterion=(\\S+) "
            + "distillation=(\\S+) .*)");

    SettingsFile {
        models = Collections.unmodifiableMap(new LinkedHashMap<>(models));
    }

    /** A zoo model's own settings: its shape (its teacher is the zoo's, by name). */
    static String trained(CrnnConfig config) {
        return config.toString();
    }

    /** A student trained with branched convolutions: its plain shape, branched. */
    static String branched(CrnnConfig config) {
        return config + " branched";
    }

    /** A pruned row's own settings: the amount, the source, and how it was ranked and fine-tuned. */
    static String pruned(PruningAmount amount, String source, String fineTuning) {
        return "pruned " + PruningRecipe.amountText(amount) + " from " + source + " " + fineTuning;
    }

    String text() {
        StringBuilder text = new StringBuilder(shared);
        models.forEach((name, settings) -> text.append(MODEL).append(name).append('=').append(settings).append('\n'));
        return text.toString();
    }

    /** Reads a settings file, of either form. */
    static SettingsFile parse(String text) {
        StringBuilder shared = new StringBuilder();
        Map<String, String> models = new LinkedHashMap<>();
        List<String> zoo = List.of();
        for (String line : text.split("\n")) {
            if (line.startsWith(MODEL) && line.indexOf('=') > MODEL.length()) {
                int eq = line.indexOf('=');
                models.put(line.substring(MODEL.length(), eq), line.substring(eq + 1));
            } else if (line.startsWith("models=")) {
                zoo = List.of(line.substring("models=".length()).split(";"));
                for (String model : zoo) {
                    int colon = model.indexOf(':');
                    models.put(model.substring(0, colon), model.substring(colon + 1));
                }
            } else if (line.equals("branchedConv=true") && !zoo.isEmpty()) {
                // Every student of the zoo (all but its first model) had a branched row.
                for (String model : zoo.subList(1, zoo.size())) {
                    int colon = model.indexOf(':');
                    models.put(model.substring(0, colon) + "-branched", model.substring(colon + 1) + " branched");
                }
            } else if (line.startsWith("pruning=") && !zoo.isEmpty()) {
                Matcher m = LEGACY_PRUNING.matcher(line.substring("pruning=".length()));
                if (!m.matches()) {
                    shared.append(line).append('\n'); // unreadable: stays shared, so every run is refused, as before
                    continue;
                }
                String teacher = zoo.get(0).substring(0, zoo.get(0).indexOf(':'));
                for (String pair : m.group(1).split(",")) {
                    String[] parts = pair.split(":");
                    PruningAmount amount = new PruningAmount(Double.parseDouble(parts[0]),
                            Double.parseDouble(parts[1]));
                    models.put(PruningRecipe.prunedName(teacher, amount, PruningCriterion.valueOf(m.group(3)),
                            !m.group(4).equals("none")), pruned(amount, teacher, m.group(2)));
                }
            } else if (!line.isEmpty()) {
                shared.append(line).append('\n');
            }
        }
        return new SettingsFile(shared.toString(), models);
    }

    /**
     * Stamps a new folder with {@code wanted}; on a stamped one, checks the shared part and every model both name,
     * and adds the models it lacks.
     *
     * @throws WorkspaceConflictException naming the file and the setting or model that differs
     */
    static void claim(Path stamp, SettingsFile wanted) throws IOException {
        if (!Files.exists(stamp)) {
            AtomicFiles.writeString(stamp, wanted.text());
            return;
        }
        String keptText = Files.readString(stamp);
        SettingsFile kept = parse(keptText);
        if (!kept.shared().equals(wanted.shared())) {
            throw new WorkspaceConflictException(stamp + ": this cross-validation was run with other settings ("
                    + kept.shared().strip().replace('\n', ' ') + "); delete " + stamp.getParent()
                    + " or choose another --work");
        }
        Map<String, String> merged = new LinkedHashMap<>(kept.models());
        for (Map.Entry<String, String> model : wanted.models().entrySet()) {
            String before = merged.putIfAbsent(model.getKey(), model.getValue());
            if (before != null && !before.equals(model.getValue())) {
                throw new WorkspaceConflictException(stamp + ": " + model.getKey() + " was cross-validated here with"
                        + " other settings (" + before + ", not " + model.getValue() + "); delete "
                        + stamp.getParent() + " or choose another --work");
            }
        }
        SettingsFile result = new SettingsFile(kept.shared(), merged);
        if (!result.text().equals(keptText)) {
            AtomicFiles.writeString(stamp, result.text());
        }
    }
}
