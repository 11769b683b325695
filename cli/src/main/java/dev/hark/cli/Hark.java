package dev.hark.cli;

import dev.hark.config.Setting;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.ScopeType;

/**
 * The {@code hark} command: one subcommand per pipeline stage, plus {@code demo}, which runs them all. The
 * subcommands inherit {@code --help} and {@code --version}. Exit codes: {@link ExitCode}.
 */
@Command(name = "hark", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        scope = ScopeType.INHERIT, description = "Keyword spotting from training to bit-exact Cortex-M firmware.",
        subcommands = {CommandLine.HelpCommand.class, CorpusCommand.class, TrainCommand.class,
                QuantizeCommand.class, QatCommand.class, DistillCommand.class, PruneCommand.class,
                CrossvalCommand.class,
                StreamTuneCommand.class, GenerateCommand.class, VerifyCommand.class, StreamCommand.class,
                ReportCommand.class,
                EvaluateCommand.class, StatePoliciesCommand.class, StreamEvalCommand.class,
                InspectCommand.class, BenchListeningCommand.class, BoardsCommand.class, FlashCommand.class,
                DemoCommand.class})
public final class Hark implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** Read by {@link ErrorHandler} from the parse result; a field so that picocli has somewhere to put it. */
    @CommandLine.Option(names = "--verbose", scope = ScopeType.INHERIT,
            description = "On an error, print its stack trace after the one-line message.")
    boolean verbose;

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /** The configured command line, shared by {@link #main} and the tests. */
    public static CommandLine commandLine() {
        if (System.getProperty("ai.djl.offline") == null) {
            System.setProperty("ai.djl.offline", "true");
        }
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true"); // reports draw charts into images, never on a screen
        }
        CommandLine cli = new CommandLine(new Hark());
        // The settings the Maven plugin shares take their descriptions and defaults from their one definition.
        cli.setResourceBundle(Setting.cliDescriptions(cli.getCommandName()));
        // A command's own defaults (the listening options') apply to what the shared settings do not cover.
        cli.getSubcommands().forEach((name, command) -> {
            CommandLine.IDefaultValueProvider own = command.getDefaultValueProvider();
            command.setDefaultValueProvider(arg -> {
                String shared = arg instanceof CommandLine.Model.OptionSpec option
                        ? Setting.cliDefault(name, option.longestName()).orElse(null) : null;
                return shared != null || own == null ? shared : own.defaultValue(arg);
            });
        });
        cli.getCommandSpec().usageMessage().exitCodeListHeading("Exit codes:%n").exitCodeList(ExitCode.usageList());
        ErrorHandler errors = new ErrorHandler();
        cli.setExecutionExceptionHandler(errors);
        cli.setParameterExceptionHandler(errors::handleParseException);
        return cli;
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
