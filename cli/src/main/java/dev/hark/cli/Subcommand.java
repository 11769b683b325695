package dev.hark.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * A {@code hark} subcommand that prints results: where it prints them is the command line's, so that tests and
 * {@link Hark#commandLine()}'s callers see the output in the writer they configured.
 */
abstract class Subcommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    /** The command's standard output (progress goes to stderr). */
    PrintWriter out() {
        return spec.commandLine().getOut();
    }
}
