package dev.hark.cli;

import dev.hark.codegen.CodeGenerator;
import dev.hark.codegen.CodegenConfig;
import dev.hark.codegen.GenerationResult;
import dev.hark.codegen.PlannerKind;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code hark generate}: renders a model file as C sources calling the CMSIS-NN API. */
@Command(name = "generate",
        description = "Generate C sources (weights, network calls, memory plan) from a .hark model.")
final class GenerateCommand implements Callable<Integer> {
    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = {"-m", "--model"}, required = true, description = "Quantized model file (.hark).")
    Path model;

    @Option(names = {"-o", "--out"}, required = true, description = "Output directory for the generated sources.")
    Path out;

    @Option(names = "--planner", defaultValue = "GREEDY",
            description = "Arena planner: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    PlannerKind planner;

    @Option(names = "--no-comments", description = "Leave explanatory comments out of the generated code.")
    boolean noComments;

    @Override
    public Integer call() throws Exception {
        CodegenConfig config = new CodegenConfig().withModelFile(model.toString())
                .withOutputDirectory(out.toString()).withPlanner(planner).withEmitComments(!noComments);
        GenerationResult result = CodeGenerator.generate(config);
        spec.commandLine().getOut().printf("%s: %d files written, %d unchanged, %d removed; arena %d bytes%n",
                result.outputDirectory(), result.written().size(), result.unchanged().size(), result.deleted().size(),
                result.arenaBytes());
        return ExitCode.OK.code();
    }
}
