package dev.hark.cli;

import dev.hark.codegen.CodeGenerator;
import dev.hark.codegen.CodegenConfig;
import dev.hark.codegen.GenerationResult;
import dev.hark.firmware.FirmwareTemplate;
import dev.hark.firmware.KernelLibrary;
import dev.hark.pipeline.firmware.ModelInput;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code hark generate}: renders a model file as C sources calling the CMSIS-NN API and puts the C runtime they
 * link beside them, as the Maven plugin's generate goal does. The options are shared settings
 * ({@link dev.hark.config.Setting}): their descriptions and defaults come from there.
 */
@Command(name = "generate",
        description = "Generate C sources (weights, network calls, memory plan, front-end tables) from a .hark model,"
                + " with the C runtime they link.")
final class GenerateCommand extends Subcommand {
    @Option(names = {"-m", "--model"}, required = true)
    Path model;

    @Option(names = {"-o", "--out"}, required = true)
    Path out;

    @Mixin
    CodegenOptions codegen;

    @Override
    public Integer call() throws Exception {
        KernelLibrary kernels = codegen.kernels(System.getenv(), System.err);
        ModelInput.read(model); // the model's problems named against its file, before anything is written
        CodegenConfig config = codegen.config().withModelFile(model.toString()).withOutputDirectory(out.toString());
        GenerationResult result = CodeGenerator.generate(config);
        List<String> runtime = FirmwareTemplate.syncRuntimeTo(out, kernels);
        out().printf("%s: %d files written, %d unchanged, %d removed; C runtime for %s: %d"
                        + " files written; arena %d bytes%n", result.outputDirectory(), result.written().size(),
                result.unchanged().size(), result.deleted().size(), kernels, runtime.size(), result.arenaBytes());
        return ExitCode.OK.code();
    }
}
