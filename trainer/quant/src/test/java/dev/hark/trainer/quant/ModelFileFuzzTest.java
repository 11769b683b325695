package dev.hark.trainer.quant;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hark.sim.kernels.Rounding;
import dev.hark.sim.model.QuantizedModel;
import dev.hark.sim.model.io.ModelFile;
import dev.hark.sim.model.io.ModelFormatException;
import dev.hark.sim.program.Lowering;
import dev.hark.testing.Fast;
import dev.hark.testing.Fuzzer;
import dev.hark.testing.ModelFileBytes;
import dev.hark.trainer.model.CrnnConfig;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The model-file reader and the model's validation on mutated files ({@link Fuzzer}): {@link ModelFile#fromBytes}
 * either returns a model or throws a {@link ModelFormatException} naming the file in one line, and a model it returns
 * either lowers (whole clip and streaming, the check that its layers fit together) or is refused with an
 * {@link IllegalArgumentException}; nothing else. A third of the inputs keep their raw mutations (the checksum
 * catches them), a third are resealed (the mutation reaches the header's parsing), a third have one value of the
 * JSON header changed (it reaches the layers' own checks and the lowering).
 */
@Fast
class ModelFileFuzzTest {
    private static final Path FILE = Path.of("fuzzed.hark");

    @Test
    @Timeout(value = 10, unit = TimeUnit.MINUTES)
    void mutatedModelFilesAreReadOrRejectedWithTheDocumentedErrors() {
        List<byte[]> seeds = List.of(ModelFile.toBytes(RandomModels.tiny(1)), ModelFile.toBytes(lastStepModel()));
        Fuzzer fuzzer = new Fuzzer(seeds, new int[] {ModelFileBytes.VERSION_OFFSET, ModelFileBytes.HEADER_LENGTH_OFFSET},
                List.of((bytes, random) -> bytes, (bytes, random) -> ModelFileBytes.reseal(bytes),
                        (bytes, random) -> ModelFileBytes.withOneHeaderValueChanged(ModelFileBytes.reseal(bytes),
                                random)));
        Fuzzer.Report report = fuzzer.run("model file reader and validation", 1, Fuzzer.executions(3_000), bytes -> {
            QuantizedModel model;
            try {
                model = ModelFile.fromBytes(bytes, FILE);
            } catch (ModelFormatException e) {
                if (!e.getMessage().startsWith(FILE + ": ") || e.getMessage().contains("\n")) {
                    throw new IllegalStateException("not one line naming the file: " + e.getMessage());
                }
                throw e;
            }
            Lowering.lower(model);
            Lowering.lowerStreaming(model, Lowering.defaultAttentionWindow(model));
        }, ModelFormatException.class, IllegalArgumentException.class);
        System.out.println(report.summary());
        assertTrue(report.failures().isEmpty(), report.describe());
    }

    private static QuantizedModel lastStepModel() {
        return RandomModels.create(CrnnConfig.builder().optFrames(30).optMels(12).optConvChannels(2).optKernelTime(6)
                .optKernelMel(3).optStrideTime(4).optStrideMel(2).optGruHidden(8).optGruLayers(1).optAttention(false)
                .build(), 5, Rounding.DOUBLE);
    }
}
