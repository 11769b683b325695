package dev.hark.codegen;

import dev.hark.codegen.build.FrontendTablesBuilder;
import dev.hark.codegen.build.SourcesBuilder;
import dev.hark.codegen.model.GeneratedFile;
import dev.hark.codegen.model.GeneratedSources;
import dev.hark.codegen.writer.GeneratedFilesWriter;
import dev.hark.codegen.writer.ModelWriter;
import dev.hark.sim.model.QuantizedModel;
import dev.hark.sim.model.io.ModelFile;
import dev.hark.sim.program.KernelProgram;
import dev.hark.sim.program.Lowering;
import dev.hark.sim.program.plan.MemoryPlanner;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Generates the C sources of a quantized model, in three stages:
 * <ol>
 *   <li>build: {@link SourcesBuilder} turns the model into {@link GeneratedSources}, an immutable model of the
 *       program in which every name, constant, call and arena offset is decided;</li>
 *   <li>render: {@link ModelWriter} renders each file with one FreeMarker template per model class;</li>
 *   <li>write: {@link GeneratedFilesWriter} writes what changed, atomically, and removes files it generated
 *       earlier that are no longer part of the output.</li>
 * </ol>
 *
 * <p>Output files: {@code hark_model_settings.h}, {@code hark_model_data.h}, {@code hark_model_data.c},
 * {@code hark_network.h}, {@code hark_network.c}, and for a model of this release's front end
 * {@code hark_frontend_tables.h} and {@code hark_frontend_tables.c} (also generated alone by
 * {@link #generateFrontend}). They need CMSIS-NN (or hark's portable subset) and hark's glue kernels
 * ({@code hark_nnfunctions.h}) on the include path. The output is a pure function of the model and the
 * configuration: no dates, no machine names, stable order.
 */
public final class CodeGenerator {
    private static final ModelWriter WRITER = new ModelWriter();

    private CodeGenerator() {
    }

    /**
     * Reads {@link CodegenConfig#modelFile()} and generates into {@link CodegenConfig#outputDirectory()}.
     *
     * @throws IllegalArgumentException if the configuration is incomplete or the model cannot be expressed in C
     * @throws IOException              if the model cannot be read (a {@code ModelFormatException} names the file
     *                                  and the problem) or a file cannot be written
     */
    public static GenerationResult generate(CodegenConfig config) throws IOException {
        config.validate(true);
        QuantizedModel model = ModelFile.read(Path.of(config.modelFile()));
        return generate(model, config);
    }

    /** Generates {@code model} into {@code outputDirectory} with the default settings. */
    public static GenerationResult generate(QuantizedModel model, Path outputDirectory) throws IOException {
        return generate(model, new CodegenConfig().withOutputDirectory(outputDirectory.toString()));
    }

    /** Generates {@code model}; the configuration's model file is ignored. */
    public static GenerationResult generate(QuantizedModel model, CodegenConfig config) throws IOException {
        config.validate(false);
        return write(build(model, config), config);
    }

    private static GenerationResult write(GeneratedSources sources, CodegenConfig config) throws IOException {
        Path directory = Path.of(config.outputDirectory());
        GeneratedFilesWriter.Outcome outcome = GeneratedFilesWriter.write(directory, render(sources));
        return new GenerationResult(directory, outcome.written(), outcome.unchanged(), outcome.deleted(),
                sources.memoryPlan());
    }

    /**
     * Generates one step of a stream of {@code model} ({@code hark_network_reset}, {@code hark_network_step}); the
     * configuration's model file is ignored.
     *
     * @param attentionWindow steps the attention pools over
     */
    public static GenerationResult generateStreaming(QuantizedModel model, CodegenConfig config, int attentionWindow)
            throws IOException {
        config.validate(false);
        GeneratedSources sources = sourcesBuilder(config).buildStreaming(model, attentionWindow);
        return write(sources, config);
    }

    /** The whole-clip kernel program {@link #generate(QuantizedModel, CodegenConfig)} renders, its arena planned alike. */
    public static KernelProgram lower(QuantizedModel model, CodegenConfig config) {
        return Lowering.lower(model, planner(config));
    }

    /** The streaming kernel program {@link #generateStreaming} renders, its arena planned alike. */
    public static KernelProgram lowerStreaming(QuantizedModel model, CodegenConfig config, int attentionWindow) {
        return Lowering.lowerStreaming(model, attentionWindow, planner(config));
    }

    /** Stage 1 alone: the program model, for inspection and tests. */
    public static GeneratedSources build(QuantizedModel model, CodegenConfig config) {
        return sourcesBuilder(config).build(model);
    }

    private static SourcesBuilder sourcesBuilder(CodegenConfig config) {
        return new SourcesBuilder(config.emitComments(), planner(config), config.detector());
    }

    private static MemoryPlanner planner(CodegenConfig config) {
        return config.planner().create(SourcesBuilder.ARENA_ALIGNMENT);
    }

    /**
     * Generates the front end's constants alone, {@code hark_frontend_tables.h} and {@code .c}, into
     * {@code outputDirectory}: what the C front end needs without a network.
     *
     * @return the names of the files written, left unchanged and deleted (files of an earlier generation there)
     * @throws IOException if a file cannot be written
     */
    public static GeneratedFilesWriter.Outcome generateFrontend(Path outputDirectory, boolean emitComments)
            throws IOException {
        return GeneratedFilesWriter.write(outputDirectory, render(FrontendTablesBuilder.build(emitComments)));
    }

    /** Stage 2 alone: file name to content, in output order. */
    public static Map<String, String> render(GeneratedSources sources) {
        return render(sources.files());
    }

    private static Map<String, String> render(List<GeneratedFile> generated) {
        Map<String, String> files = new LinkedHashMap<>();
        for (GeneratedFile file : generated) {
            files.put(file.fileName(), WRITER.render(file.content()));
        }
        return files;
    }
}
