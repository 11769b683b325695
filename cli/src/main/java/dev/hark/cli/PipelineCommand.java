package dev.hark.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** A command that runs pipeline stages: their shared options, and where it prints its results. */
abstract class PipelineCommand implements Callable<Integer> {
    @Mixin
    PipelineOptions pipeline;

    @Spec
    CommandSpec spec;

    /** The command's standard output (progress goes to stderr). */
    PrintWriter out() {
        return spec.commandLine().getOut();
    }
}
