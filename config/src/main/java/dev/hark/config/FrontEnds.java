package dev.hark.config;

import java.util.List;
import java.util.Map;

/**
 * Which {@code hark} command and which plugin goal do the same work, and, with a reason each, what only one front
 * end has. A command and its twin goal take the same options: every {@link Setting} the one takes, the other takes
 * too, and the only differences allowed are the ones listed here.
 */
public final class FrontEnds {
    /** Plugin parameters named like a setting that mean something else, as {@code "<goal> <parameter>"}, and what. */
    public static final Map<String, String> SAME_NAME_OTHER_MEANING_IN_GOALS = Map.of(
            "evaluate outputDirectory", "where the per-clip scores, the summary and the page are written, not where C"
                    + " sources go (as the command's --out)");

    /** The commands that make a workspace's data set from {@code --data}, {@code --keyword} and {@code --seed}. */
    private static final List<String> DATA_SET_COMMANDS = List.of("crossval", "demo", "distill", "prune", "qat",
            "quantize", "report", "state-policies", "stream-eval", "stream-tune", "train", "verify");

    private static final String SKIP = "Maven's convention for turning a plugin's goals off in a build (-Dhark.skip)";
    private static final String WORKSPACE = "the command keeps its outputs in its workspace (--work)";
    private static final String WORKSPACE_DATA = "the command makes the workspace's data set and its features when"
            + " they are missing, which needs the trainer's data stage; the goal reads the features the pipeline keeps";
    private static final String WORKSPACE_SPLIT = "the goal verifies the test split, the one the pipeline reports on;"
            + " the command can check the others";
    private static final String LISTENING = "the command's listening check streams a workspace split's audio through"
            + " the listening firmware; the goal verifies the clips it is given";

    /**
     * A command and the goal that does its work.
     *
     * @param cliOnly    options of the command that the goal does not take, and why
     * @param pluginOnly parameters of the goal that the command does not take, and why
     */
    public record Twin(String command, String goal, Map<String, String> cliOnly, Map<String, String> pluginOnly) {
    }

    public static final List<Twin> TWINS = List.of(
            new Twin("generate", "generate", Map.of(), Map.of("skip", SKIP)),
            new Twin("verify", "verify",
                    Map.of("--split", WORKSPACE_SPLIT, "--data", WORKSPACE_DATA, "--keyword", WORKSPACE_DATA,
                            "--seed", WORKSPACE_DATA, "--listen-minutes", LISTENING),
                    Map.of("skip", SKIP, "outputDirectory", WORKSPACE, "firmwareDirectory", WORKSPACE)),
            new Twin("flash", "flash",
                    Map.of("--image", "the goal programs the firmware it builds from the model, not an image given",
                            "--out", "where the command generates the sources and builds the firmware, which the"
                                    + " goal does in outputDirectory and firmwareDirectory"),
                    Map.of("skip", SKIP, "outputDirectory", "the command generates the sources under --out, beside"
                            + " the firmware it builds", "firmwareDirectory", "the command builds under --out")),
            new Twin("evaluate", "evaluate",
                    Map.of("--weights", "the float network's files are read by the trainer (DJL), which the plugin"
                                    + " leaves out; the goal evaluates the int8 network, the one the firmware runs",
                            "--work", "a workspace gives the command its model, its float model and its training"
                                    + " speakers; the goal is given the model, whose file records its training"
                                    + " speakers"),
                    Map.of("skip", SKIP)));

    /** Commands with no goal, and why. */
    public static final Map<String, String> COMMANDS_WITHOUT_GOAL = Map.ofEntries(
            Map.entry("corpus", "data and training need the trainer (DJL), which the plugin leaves out"),
            Map.entry("train", "data and training need the trainer (DJL), which the plugin leaves out"),
            Map.entry("quantize", "quantization reads the trained float model, which needs the trainer (DJL)"),
            Map.entry("qat", "data and training need the trainer (DJL), which the plugin leaves out"),
            Map.entry("distill", "data and training need the trainer (DJL), which the plugin leaves out"),
            Map.entry("crossval", "data and training need the trainer (DJL), which the plugin leaves out"),
            Map.entry("prune", "data and training need the trainer (DJL), which the plugin leaves out"),
            Map.entry("stream-tune", "data and training need the trainer (DJL), which the plugin leaves out"),
            Map.entry("report", "the report scores a workspace's float and int8 models, which needs the trainer (DJL)"),
            Map.entry("state-policies", "the comparison listens with a workspace's float and int8 models, which needs "
                    + "the trainer (DJL)"),
            Map.entry("stream-eval", "the measurement listens with a workspace's float and int8 models, which needs "
                    + "the trainer (DJL)"),
            Map.entry("inspect", "a look at one model file; a build has nothing to do with it"),
            Map.entry("stream", "listening to one recording by hand; a build verifies with the verify goal"),
            Map.entry("bench-listening", "a benchmark whose figures are quoted, not a build step"),
            Map.entry("boards", "a list of the boards the firmware template supports; a build has nothing to do"
                    + " with it"),
            Map.entry("demo", "runs every stage from data to report, training included"));

    /** Goals with no command, and why. */
    public static final Map<String, String> GOALS_WITHOUT_COMMAND = Map.of(
            "build", "a build step of its own; the command line builds as part of verify",
            "size", "a build's budget check; the command line prints the sizes with verify's builds");

    /** Plugin parameters that are no setting of the command line, and why. */
    public static final Map<String, String> PLUGIN_ONLY = Map.of(
            "skip", SKIP,
            "firmwareDirectory", "where the goals build the firmware; the commands build in their workspace",
            "flashBudget", "a budget of the size goal, which has no command",
            "ramBudget", "a budget of the size goal, which has no command");

    /** Options named like a setting that mean something else, as {@code "<command> <option>"}, and what. */
    public static final Map<String, String> SAME_NAME_OTHER_MEANING = sameNameOtherMeaning(Map.of(
            "qat --out", "the model file quantization-aware training writes, not where C sources go",
            "stream --out", "where the score trace and its chart are written, not where C sources go",
            "evaluate --out", "where the per-clip scores, the summary and the page are written, not where C sources go",
            "evaluate --work", "an optional workspace whose model, float model and training speakers to use, with no"
                    + " default: a model given alone is evaluated alone",
            "bench-listening --out", "where the benchmark builds and runs its programs, not where C sources go",
            "flash --out", "where the command generates the sources and builds the firmware; the goal builds in"
                    + " firmwareDirectory"));

    /**
     * {@code entries} and the options of the commands that make a workspace's data set, or listen to its test
     * split, whose names {@code hark evaluate} also uses for the recordings it is given.
     */
    private static Map<String, String> sameNameOtherMeaning(Map<String, String> entries) {
        Map<String, String> all = new java.util.TreeMap<>(entries);
        for (String command : DATA_SET_COMMANDS) {
            all.put(command + " --data", "the Speech Commands folder a workspace's data set is made from, not"
                    + " recordings to evaluate");
            all.put(command + " --keyword", "the keyword a workspace's data set and models are made for (default"
                    + " sheila), not the recordings' label taken from the model");
            all.put(command + " --seed", "the seed of the corpus, the split and training, not of the evaluation's"
                    + " stream");
        }
        all.put("corpus --keyword", "the keyword the synthetic corpus speaks, not the recordings' label");
        all.put("corpus --seed", "the seed of the synthetic corpus, not of the evaluation's stream");
        for (String command : List.of("report", "state-policies", "stream-eval")) {
            all.put(command + " --hours", "the length of the stream made of a workspace's test split, not of the"
                    + " recordings evaluated");
        }
        all.put("verify --split", "the workspace split whose clips the firmware runs, not a filter of recordings");
        all.put("stream-eval --split", "the workspace split whose material the streams are made of");
        all.put("bench-listening --target", "the emulated board the listening cost is measured on");
        all.put("stream --target", "the firmware that also listens to one recording");
        return Map.copyOf(all);
    }

    private FrontEnds() {
    }
}
