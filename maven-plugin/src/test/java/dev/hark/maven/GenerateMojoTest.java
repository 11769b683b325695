package dev.hark.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hark.codegen.PlannerKind;
import dev.hark.codegen.writer.GeneratedFilesWriter;
import dev.hark.firmware.FirmwareTemplate;
import dev.hark.firmware.KernelLibrary;
import dev.hark.sim.detect.DetectionSettings;
import dev.hark.sim.model.io.ModelFile;
import dev.hark.testing.Fast;
import dev.hark.trainer.quant.RandomModels;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.maven.plugin.MojoFailureException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The generate goal, run directly on a tiny random model written to a file as {@code hark quantize} would. */
@Fast
class GenerateMojoTest {
    private static final List<String> GENERATED = List.of("hark_frontend_tables.c", "hark_frontend_tables.h",
            "hark_model_data.c", "hark_model_data.h", "hark_model_settings.h", "hark_network.c", "hark_network.h");

    @TempDir
    Path dir;
    Path model;
    Path out;
    final RecordingLog log = new RecordingLog();

    @BeforeEach
    void writeModel() throws IOException {
        model = dir.resolve("model.hark");
        ModelFile.write(RandomModels.tiny(31), model);
        out = dir.resolve("target/generated-sources/hark");
    }

    @Test
    void writesTheGeneratedSourcesAndTheRuntimeTheyLink() throws Exception {
        Mojos.generate(model, out, log).execute();

        for (String file : GENERATED) {
            assertTrue(Files.isRegularFile(out.resolve(file)), file);
        }
        assertTrue(Files.readString(out.resolve("hark_network.c")).contains("arm_convolve_wrapper_s8"));
        for (String file : FirmwareTemplate.runtimeFiles()) {
            assertTrue(Files.isRegularFile(out.resolve(file)), file);
        }
        assertTrue(Files.isRegularFile(out.resolve(SourcesGeneration.STAMP)));
        assertTrue(log.lastInfo().startsWith("Generated C sources from " + model + " into " + out + ": " + GENERATED.size() + " files"
                + " written"), log.lastInfo());
    }

    @Test
    void aSecondRunWithTheSameModelAndSettingsIsSkipped() throws Exception {
        Mojos.generate(model, out, log).execute();
        // Were the second run to generate, it would put the file back.
        Files.writeString(out.resolve("hark_network.c"), "edited");

        Mojos.generate(model, out, log).execute();

        assertEquals("C sources in " + out + " are up to date with " + model + " and the settings; generation"
                + " skipped", log.lastInfo());
        assertEquals("edited", Files.readString(out.resolve("hark_network.c")));
    }

    @Test
    void aChangedSettingRegenerates() throws Exception {
        Mojos.generate(model, out, log).execute();
        String withComments = Files.readString(out.resolve("hark_network.c"));

        GenerateMojo noComments = Mojos.generate(model, out, log);
        noComments.noComments = true;
        noComments.execute();

        assertTrue(log.lastInfo().startsWith("Generated C sources"), log.lastInfo());
        String withoutComments = Files.readString(out.resolve("hark_network.c"));
        assertNotEquals(withComments, withoutComments);
        assertTrue(withoutComments.length() < withComments.length());

        GenerateMojo linear = Mojos.generate(model, out, log);
        linear.noComments = true;
        linear.planner = PlannerKind.LINEAR;
        linear.execute();
        assertTrue(log.lastInfo().startsWith("Generated C sources"), log.lastInfo());
    }

    @Test
    void aChangedModelRegenerates() throws Exception {
        Mojos.generate(model, out, log).execute();
        String first = Files.readString(out.resolve("hark_model_data.c"));

        ModelFile.write(RandomModels.tiny(32), model);
        Mojos.generate(model, out, log).execute();

        assertTrue(log.lastInfo().startsWith("Generated C sources"), log.lastInfo());
        assertNotEquals(first, Files.readString(out.resolve("hark_model_data.c")));
    }

    @Test
    void aDeletedOutputFileIsGeneratedAgain() throws Exception {
        Mojos.generate(model, out, log).execute();
        Files.delete(out.resolve("hark_network.h"));
        Files.delete(out.resolve("hark-kernels/Source/hark_gru_s8.c"));

        Mojos.generate(model, out, log).execute();

        assertTrue(log.lastInfo().startsWith("Generated C sources"), log.lastInfo());
        assertTrue(Files.isRegularFile(out.resolve("hark_network.h")));
        assertTrue(Files.isRegularFile(out.resolve("hark-kernels/Source/hark_gru_s8.c")));
    }

    @Test
    void aModelPathWithoutAFileFailsWithOneSentenceNamingIt() {
        Path absent = dir.resolve("no-such.hark");
        MojoFailureException e = assertThrows(MojoFailureException.class,
                () -> Mojos.generate(absent, out, log).execute());
        assertEquals("The hark model file " + absent + " (parameter model) does not exist.", e.getMessage());
        assertFalse(Files.exists(out), "nothing is written for a bad model path");

        MojoFailureException directory = assertThrows(MojoFailureException.class,
                () -> Mojos.generate(dir, out, log).execute());
        assertEquals("The hark model file " + dir + " (parameter model) is a directory, not a .hark file.",
                directory.getMessage());
    }

    @Test
    void aCorruptModelFailsNamingTheFile() throws Exception {
        byte[] bytes = Files.readAllBytes(model);
        bytes[bytes.length / 2] ^= 1;
        Files.write(model, bytes);

        MojoFailureException e = assertThrows(MojoFailureException.class,
                () -> Mojos.generate(model, out, log).execute());

        assertEquals(model + ": checksum mismatch: the file is corrupted or truncated", e.getMessage());
    }

    @Test
    void aFailedGenerationIsNotTakenForAnUpToDateOneLater() throws Exception {
        Mojos.generate(model, out, log).execute();
        // A directory where a generated file belongs makes the next generation fail half-way.
        Files.delete(out.resolve("hark_model_data.c"));
        Files.createDirectories(out.resolve("hark_model_data.c/blocked"));
        ModelFile.write(RandomModels.tiny(33), model);

        assertThrows(MojoFailureException.class, () -> Mojos.generate(model, out, log).execute());

        assertFalse(Files.exists(out.resolve(SourcesGeneration.STAMP)), "no record of a complete generation");
    }

    @Test
    void harkSkipWritesNothing() throws Exception {
        GenerateMojo mojo = Mojos.generate(model, out, log);
        mojo.skip = true;
        mojo.execute();

        assertFalse(Files.exists(out));
        assertEquals("hark.skip is set; skipped", log.lastInfo());
    }

    @Test
    void aCmsisNnCheckoutLeavesThePortableSubsetOutOfTheRuntimeAndRegenerates() throws Exception {
        Path checkout = fakeCmsisNnCheckout();
        Mojos.generate(model, out, log).execute();
        assertTrue(Files.isDirectory(out.resolve("cmsis-nn-portable")));

        GenerateMojo real = Mojos.generate(model, out, log);
        real.cmsisNnDirectory = checkout.toFile();
        real.execute();

        assertTrue(log.lastInfo().startsWith("Generated C sources"), log.lastInfo());
        assertTrue(log.lastInfo().contains("C runtime for CMSIS-NN at " + checkout + ": 0 files written"),
                log.lastInfo());
        assertEquals(List.of(), FirmwareTemplate.runtimeFiles().stream()
                .filter(file -> file.startsWith("cmsis-nn-portable/"))
                .filter(file -> Files.exists(out.resolve(file))).toList(), "a second CMSIS-NN would be linked");
        for (String file : FirmwareTemplate.runtimeFiles(KernelLibrary.cmsisNn(checkout))) {
            assertTrue(Files.isRegularFile(out.resolve(file)), file);
        }

        Mojos.generate(model, out, log).execute();
        int portableFiles = FirmwareTemplate.runtimeFiles().size()
                - FirmwareTemplate.runtimeFiles(KernelLibrary.cmsisNn(checkout)).size();
        assertTrue(portableFiles > 0);
        assertTrue(log.lastInfo().contains("C runtime for the portable CMSIS-NN subset: " + portableFiles
                + " files written"), log.lastInfo());
    }

    @Test
    void theDetectorParameterOverridesTheModelsAndRegenerates() throws Exception {
        ModelFile.write(RandomModels.tiny(31).withDetector(new DetectionSettings(12, 201, 7)), model);
        Mojos.generate(model, out, log).execute();
        assertTrue(Files.readString(out.resolve("hark_model_settings.h"))
                .contains("#define HARK_DETECTOR_SMOOTHING_STEPS 12\n"), "the model's detector");

        GenerateMojo overriding = Mojos.generate(model, out, log);
        overriding.detector = "3,150,0";
        overriding.execute();

        String settings = Files.readString(out.resolve("hark_model_settings.h"));
        assertTrue(settings.contains("#define HARK_DETECTOR_SMOOTHING_STEPS 3\n")
                && settings.contains("#define HARK_DETECTOR_THRESHOLD 150\n")
                && settings.contains("#define HARK_DETECTOR_REFRACTORY_STEPS 0\n"), settings);
    }

    @Test
    void aDetectorOutOfRangeFailsNamingTheParameter() {
        GenerateMojo mojo = Mojos.generate(model, out, log);
        mojo.detector = "5,256,12";
        MojoFailureException e = assertThrows(MojoFailureException.class, mojo::execute);
        assertEquals("The parameter detector: the detection threshold must be a score of 1 to 255, got 256.",
                e.getMessage());
        assertFalse(Files.exists(out.resolve("hark_model_settings.h")), "nothing is written");
    }

    @Test
    void aFolderThatIsNoCmsisNnCheckoutFailsNamingTheParameter() {
        GenerateMojo mojo = Mojos.generate(model, out, log);
        mojo.cmsisNnDirectory = dir.toFile();
        MojoFailureException e = assertThrows(MojoFailureException.class, mojo::execute);
        assertEquals("The parameter cmsisNnDirectory: " + dir + " is not a CMSIS-NN checkout:"
                + " Include/arm_nnfunctions.h is missing.", e.getMessage());
    }

    @Test
    void anEnvironmentVariableNamingAnotherLibraryIsIgnoredWithAWarning() throws Exception {
        Path checkout = fakeCmsisNnCheckout();
        GenerateMojo mojo = Mojos.generate(model, out, log);
        mojo.environment = Map.of("CMSIS_NN_DIR", checkout.toString());
        mojo.execute();

        assertEquals(List.of("The environment variable CMSIS_NN_DIR=" + checkout + " is ignored: this build uses the"
                + " portable CMSIS-NN subset; choose the library with the parameter cmsisNnDirectory."), log.warnings);
        assertTrue(Files.isDirectory(out.resolve("cmsis-nn-portable")));

        GenerateMojo agreeing = Mojos.generate(model, out, log);
        agreeing.cmsisNnDirectory = checkout.toFile();
        agreeing.environment = Map.of("CMSIS_NN_DIR", checkout.toString());
        agreeing.execute();
        assertEquals(1, log.warnings.size(), log.warnings::toString);
    }

    /** A folder the build takes for a CMSIS-NN checkout; nothing here compiles it. */
    private Path fakeCmsisNnCheckout() throws IOException {
        Path checkout = dir.resolve("CMSIS-NN");
        Files.createDirectories(checkout.resolve("Include"));
        Files.writeString(checkout.resolve("Include/arm_nnfunctions.h"), "");
        return checkout;
    }

    @Test
    void theOutputOwnsOnlyWhatItWrote() throws Exception {
        Files.createDirectories(out);
        Files.writeString(out.resolve("notes.txt"), "mine");
        Mojos.generate(model, out, log).execute();

        assertEquals("mine", Files.readString(out.resolve("notes.txt")));
        assertEquals(GENERATED, Files.readAllLines(out.resolve(GeneratedFilesWriter.MANIFEST)));
    }
}
