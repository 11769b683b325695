package dev.hark.config;

import java.util.Arrays;
import java.util.List;
import java.util.ListResourceBundle;
import java.util.Optional;
import java.util.ResourceBundle;

/**
 * The settings the {@code hark} command and the hark Maven plugin share, each defined once: its command-line
 * names, its description, its default, and the commands and goals that take it. The plugin parameter and the user
 * property follow from the long option by {@link SettingNames}.
 *
 * <p>The command line takes its descriptions ({@link #cliDescriptions()}) and defaults ({@link #cliDefault()}) from
 * here. A Maven plugin's parameters are annotated fields whose documentation Maven reads from their Javadoc, so the
 * plugin repeats them, and a test of the command line module compares its options, the plugin's descriptor and this
 * list (names, descriptions, defaults, user properties, and which command and goal take which setting).
 */
public enum Setting {
    MODEL(List.of("-m", "--model"), null, null, List.of("bench-listening", "evaluate", "flash", "generate", "stream",
            "verify"),
            List.of("generate", "build", "size", "verify", "flash", "evaluate"),
            "The quantized model file (.hark), as hark quantize writes it."),
    OUTPUT_DIRECTORY(List.of("-o", "--out"), null, "${project.build.directory}/generated-sources/hark",
            List.of("generate"), Goals.FIRMWARE,
            "Where the C sources and the C runtime they link are written."),
    PLANNER(List.of("--planner"), "GREEDY", null, List.of("flash", "generate", "verify"), Goals.FIRMWARE,
            "The arena planner: GREEDY or LINEAR."),
    NO_COMMENTS(List.of("--no-comments"), null, "false", List.of("flash", "generate", "verify"), Goals.FIRMWARE,
            "Leave the explanatory comments out of the generated code."),
    DETECTOR(List.of("--detector"), null, null, List.of("flash", "generate", "verify"), Goals.FIRMWARE,
            "The detector the generated firmware listens with instead of the model's, as"
                    + " smoothing,threshold,refractory: the keyword scores averaged (1 to 64), the mean that fires"
                    + " (a keyword score of 1 to 255: log-odds in 1/16 nat plus 128) and the network steps after a"
                    + " detection in which no other fires (0 or more), e.g. 12,192,7. Without it, the detector recorded"
                    + " in the model file (chosen on dev-split streams), or the default detector for a model that"
                    + " records none."),
    CMSIS_NN_DIRECTORY(List.of("--cmsis-nn"), null, null, List.of("bench-listening", "flash", "generate", "verify"),
            Goals.FIRMWARE,
            "A checkout of ARM's CMSIS-NN to build the firmware against instead of hark's portable subset, which the"
                    + " C runtime then leaves out. The environment variable CMSIS_NN_DIR is ignored."),
    TARGETS(List.of("--targets"), "host,mps2-an386", null, List.of("verify", "demo"),
            List.of("build", "size", "verify"),
            "The firmware's targets, comma-separated: host (built with gcc, runs natively) and boards of the firmware"
                    + " template by their folder names (mps2-an386 and the others hark boards lists), built with the"
                    + " Arm toolchain; all-qemu stands for every board QEMU emulates. The upper-case spelling (HOST,"
                    + " MPS2_AN386) is accepted too."),
    BOARD(List.of("--board"), null, null, List.of("flash"), List.of("flash"),
            "The real board to program, by its folder name in the firmware template (hark boards lists the boards and"
                    + " how each is programmed)."),
    DRY_RUN(List.of("--dry-run"), null, "false", List.of("flash"), List.of("flash"),
            "Print the OpenOCD command that would program the board instead of running it; the firmware is still"
                    + " built."),
    CLIPS(List.of("--clips"), null, null, List.of("verify"), List.of("verify"),
            "A folder of clips to run through the simulator and the firmware: .wav files (16 kHz mono 16-bit,"
                    + " padded or cropped to one second and put through the integer front end, as in training) and"
                    + " .features files (the network's int8 features, frame by frame)."),
    WORKSPACE(List.of("-w", "--work"), "build/demo", Goals.NO_PLUGIN_DEFAULT, List.of("corpus", "crossval", "demo",
            "distill", "prune", "qat", "quantize", "report", "state-policies", "stream-eval", "stream-tune", "train",
            "verify"),
            List.of("verify"),
            "The workspace, the folder where the pipeline's stages keep their outputs (corpus, features, models,"
                    + " firmware); without clips, verification runs the clips of its data set's test split, whose"
                    + " features the pipeline keeps there."),
    EVALUATION_DATA(List.of("--data"), null, null, Goals.EVALUATE, Goals.EVALUATE,
            "The recordings to evaluate on: a folder in Speech Commands layout (a folder of clips per word, their"
                    + " speaker before _nohash_ in each file name, _background_noise_ optional) or a .csv list of"
                    + " path,label[,speaker] (paths relative to the list)."),
    EVALUATION_SPLIT(List.of("--split"), null, null, Goals.EVALUATE, Goals.EVALUATE,
            "Evaluate only the clips of one split's speakers (train, dev or test, as hark's speaker-disjoint split"
                    + " assigns them) and that split's time portion of each background recording, as the real-data"
                    + " benchmark divides its data: --split test evaluates on its test speakers."),
    RESAMPLE(List.of("--resample"), null, "false", Goals.EVALUATE, Goals.EVALUATE,
            "Convert recordings that are not 16 kHz mono 16-bit PCM (other rates, several channels, other"
                    + " encodings) to it, band-limited and the same on every machine, instead of refusing them."),
    EVALUATION_KEYWORD(List.of("--keyword"), null, null, Goals.EVALUATE, Goals.EVALUATE,
            "The keyword the recordings are labelled with; without it, the model's."),
    EVALUATION_TARGET(List.of("--target"), "sim", null, Goals.EVALUATE, Goals.EVALUATE,
            "Where the int8 network runs besides the simulator: sim (the simulator alone), host or a board QEMU"
                    + " runs (mps2-an386 and the others hark boards lists), its firmware compared with the simulator"
                    + " byte for byte."),
    STREAM_HOURS(List.of("--hours"), "1", null, Goals.EVALUATE, Goals.EVALUATE,
            "Length in hours of the long stream made of the recordings (and the background recordings)."),
    STREAM_SEED(List.of("--seed"), "1", null, Goals.EVALUATE, Goals.EVALUATE,
            "Where the long stream's keywords go."),
    WORST_CLIPS(List.of("--worst"), "10", null, Goals.EVALUATE, Goals.EVALUATE,
            "How many of the worst clips of each class to list."),
    MAX_FRR(List.of("--max-frr"), null, null, Goals.EVALUATE, Goals.EVALUATE,
            "Quality gate: the highest share of keywords, 0 to 1, the int8 network may miss on the long stream at"
                    + " the threshold that keeps false alarms within the at-fa-per-hour budget."),
    AT_FA_PER_HOUR(List.of("--at-fa-per-hour"), "1", null, Goals.EVALUATE, Goals.EVALUATE,
            "The false alarms per hour the long stream's operating point keeps within."),
    MAX_AU_FA_FR(List.of("--max-au-fa-fr"), null, null, Goals.EVALUATE, Goals.EVALUATE,
            "Quality gate: the highest au_fa_fr, 0 to 1, the int8 network may have on the clips.");

    /** Goal lists the constants share (a nested class, as constants cannot use the enum's own static fields). */
    private static final class Goals {
        /** The goals that generate the sources, and so take every setting of code generation. */
        static final List<String> FIRMWARE = List.of("generate", "build", "size", "verify", "flash");
        /** The evaluation of a model on recordings: a command and its goal. */
        static final List<String> EVALUATE = List.of("evaluate");
        /** A plugin default that says the parameter has none, where the command line has one. */
        static final String NO_PLUGIN_DEFAULT = "";
    }

    private final List<String> cliNames;
    private final String defaultValue;
    private final String pluginDefault;
    private final List<String> commands;
    private final List<String> goals;
    private final String description;

    /**
     * @param cliNames      the option's names, the long one last
     * @param defaultValue  the value both front ends use when the setting is not given; null for none
     * @param pluginDefault the plugin's default where it differs (a Maven expression, or a flag's false); null if not,
     *                      {@link Goals#NO_PLUGIN_DEFAULT} if the plugin has none
     * @param commands      the {@code hark} commands that take it
     * @param goals         the plugin goals that take it
     * @param description   one or two sentences, for both front ends' help
     */
    Setting(List<String> cliNames, String defaultValue, String pluginDefault, List<String> commands,
            List<String> goals, String description) {
        this.cliNames = cliNames;
        this.defaultValue = defaultValue;
        this.pluginDefault = pluginDefault;
        this.commands = commands;
        this.goals = goals;
        this.description = description;
    }

    /** The command-line names, e.g. {@code -m} and {@code --model}. */
    public List<String> cliNames() {
        return cliNames;
    }

    /** The long option, e.g. {@code --model}. */
    public String longOption() {
        return cliNames.get(cliNames.size() - 1);
    }

    /** The plugin parameter, e.g. {@code model}. */
    public String parameter() {
        return SettingNames.parameter(longOption());
    }

    /** The plugin's user property, e.g. {@code hark.model}. */
    public String property() {
        return SettingNames.property(parameter());
    }

    /** The default of the command-line option, if it has one. */
    public Optional<String> cliDefault() {
        return Optional.ofNullable(defaultValue);
    }

    /** The default of the plugin parameter, if it has one. */
    public Optional<String> pluginDefault() {
        return Optional.ofNullable(pluginDefault != null ? pluginDefault : defaultValue).filter(d -> !d.isEmpty());
    }

    public List<String> commands() {
        return commands;
    }

    public List<String> goals() {
        return goals;
    }

    public String description() {
        return description;
    }

    /** The command line's help text: the description, and the default where there is one. */
    public String cliDescription() {
        return description + (defaultValue != null ? " Default: ${DEFAULT-VALUE}." : "");
    }

    /** The setting whose long option is {@code longOption}, if it is one. */
    public static Optional<Setting> ofLongOption(String longOption) {
        return Arrays.stream(values()).filter(s -> s.longOption().equals(longOption)).findFirst();
    }

    /** The setting whose plugin parameter is {@code parameter}, if it is one. */
    public static Optional<Setting> ofParameter(String parameter) {
        return Arrays.stream(values()).filter(s -> s.parameter().equals(parameter)).findFirst();
    }

    /**
     * The {@link #cliDescription()}s as a resource bundle keyed the way picocli looks an option's description up
     * when it is qualified by the command: the command's names and the option's long name without the dashes, all
     * joined by dots, e.g. {@code hark.generate.no-comments}. An option of the same name in a command that does not
     * take the setting keeps its own description.
     *
     * @param root the name of the command whose subcommands take the settings, e.g. {@code hark}
     */
    public static ResourceBundle cliDescriptions(String root) {
        Object[][] contents = Arrays.stream(values())
                .flatMap(s -> s.commands.stream().map(command -> new Object[] {
                        root + "." + command + "." + s.longOption().substring(2), s.cliDescription()}))
                .toArray(Object[][]::new);
        return new ListResourceBundle() {
            @Override
            protected Object[][] getContents() {
                return contents;
            }
        };
    }

    /** The default of option {@code longOption} of command {@code command}, if it is a setting and has one. */
    public static Optional<String> cliDefault(String command, String longOption) {
        return ofLongOption(longOption).filter(s -> s.commands.contains(command)).flatMap(Setting::cliDefault);
    }

    /**
     * The settings as the Markdown table README.md shows: option, parameter and user property, default, and where
     * each is taken.
     */
    public static String markdownTable() {
        StringBuilder table = new StringBuilder("| `hark` option | plugin parameter (user property) | default |"
                + " commands | goals |\n|---|---|---|---|---|\n");
        for (Setting s : values()) {
            table.append("| `").append(String.join("`, `", s.cliNames)).append("` | `").append(s.parameter())
                    .append("` (`").append(s.property()).append("`) | ")
                    .append(s.cliDefault().map(d -> "`" + d + "`").orElse(""))
                    .append(s.pluginDefault().filter(d -> !d.equals(s.defaultValue))
                            .map(d -> (s.defaultValue == null ? "" : "; ") + "plugin: `" + d + "`")
                            .orElse(s.defaultValue != null && s.pluginDefault().isEmpty() ? "; plugin: none" : ""))
                    .append(" | ").append(String.join(", ", s.commands)).append(" | ")
                    .append(String.join(", ", s.goals)).append(" |\n");
        }
        return table.toString();
    }
}
