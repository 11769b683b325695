package dev.hark.config;

import java.util.Map;

/**
 * Which {@code hark} command and which plugin goal do the same work, and, with a reason each, what only one front
 * end has. A command and its twin goal take the same options: every {@link Setting} the one takes, the other takes
 * too, and the only differences allowed are the ones listed here.
 */
public final class FrontEnds {
    /** Command to goal. */
    public static final Map<String, String> TWINS = Map.of(
            "generate", "generate");

    /** Commands with no goal, and why. */
    public static final Map<String, String> COMMANDS_WITHOUT_GOAL = Map.of(
            "corpus", "data and training need the trainer (DJL), which the plugin leaves out",
            "train", "data and training need the trainer (DJL), which the plugin leaves out",
            "quantize", "quantization reads the trained float model, which needs the trainer (DJL)",
            "qat", "data and training need the trainer (DJL), which the plugin leaves out",
            "distill", "data and training need the trainer (DJL), which the plugin leaves out",
            "verify", "runs a workspace's split; the plugin's verification of named clips comes with its verify goal",
            "report", "the report scores a workspace's float and int8 models, which needs the trainer (DJL)",
            "inspect", "a look at one model file; a build has nothing to do with it",
            "demo", "runs every stage from data to report, training included");

    /** Goals with no command, and why. */
    public static final Map<String, String> GOALS_WITHOUT_COMMAND = Map.of(
            "size", "a build's budget check; the command line prints the sizes with verify's builds",
            "flash", "board flashing is not there yet; the goal says so");

    /** Plugin parameters that are not settings of the command line, and why. */
    public static final Map<String, String> PLUGIN_ONLY = Map.of(
            "skip", "Maven's convention for turning a plugin's goals off in a build (-Dhark.skip)",
            "firmwareDirectory", "where the goals build the firmware; the commands build in their workspace",
            "flashBudget", "a budget of the size goal, which has no command",
            "ramBudget", "a budget of the size goal, which has no command");

    /** Options named like a setting that mean something else, as {@code "<command> <option>"}, and what. */
    public static final Map<String, String> SAME_NAME_OTHER_MEANING = Map.of(
            "qat --out", "the model file quantization-aware training writes, not where C sources go");

    /** Options of commands with a twin goal that the goal does not take, and why. */
    public static final Map<String, String> CLI_ONLY = Map.of();

    private FrontEnds() {
    }
}
