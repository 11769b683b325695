package dev.hark.firmware;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hark.testing.Fast;
import dev.hark.firmware.run.Target;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@Fast
class FirmwareTemplateTest {

    /** Files and folders at the module root that belong to the Java module, not to the template. */
    private static final Set<String> NOT_TEMPLATE = Set.of("src", "target", "build", "pom.xml",
            FirmwareTemplate.INDEX_NAME);

    @Test
    void indexListsExactlyTheTemplateFilesOnDisk() throws IOException {
        Path module = FirmwareBuildSupport.moduleDir();
        List<String> onDisk = new ArrayList<>();
        try (Stream<Path> paths = Files.walk(module)) {
            paths.filter(Files::isRegularFile)
                    .map(path -> module.relativize(path).toString().replace('\\', '/'))
                    .filter(path -> !NOT_TEMPLATE.contains(path.split("/")[0]))
                    .filter(path -> Stream.of(path.split("/")).noneMatch(segment -> segment.startsWith(".")))
                    .sorted()
                    .forEach(onDisk::add);
        }
        List<String> indexed = FirmwareTemplate.files();

        List<String> missing = new ArrayList<>(onDisk);
        missing.removeAll(indexed);
        List<String> stale = new ArrayList<>(indexed);
        stale.removeAll(onDisk);
        assertTrue(missing.isEmpty() && stale.isEmpty(), "update " + FirmwareTemplate.INDEX_NAME
                + ": not listed " + missing + ", listed but absent " + stale);
        assertEquals(onDisk, indexed, FirmwareTemplate.INDEX_NAME + " must be sorted (LC_ALL=C sort)");
    }

    @Test
    void filesNamesTheBuildEntryPoints() {
        List<String> files = FirmwareTemplate.files();
        assertTrue(files.containsAll(List.of("Makefile", "harness/hark_harness_main.c",
                "cmsis-nn-portable/Include/arm_nnfunctions.h", "hark-kernels/Include/hark_nnfunctions.h",
                "boards/mps2-an386/board.mk")), files::toString);
        assertThrows(UnsupportedOperationException.class, () -> files.add("x"));
    }

    @Test
    void everyBoardFolderHasADescriptorAndBuildSettingsAndIsATarget() {
        List<String> folders = FirmwareTemplate.files().stream().filter(f -> f.matches("boards/[^/]+/[^/]+"))
                .map(f -> f.split("/")[1]).filter(folder -> !folder.equals("common")).distinct().sorted().toList();
        for (String folder : folders) {
            assertTrue(FirmwareTemplate.files().contains("boards/" + folder + "/board.properties"), folder);
            assertTrue(FirmwareTemplate.files().contains("boards/" + folder + "/board.mk"), folder);
        }
        List<String> targets = Target.all().stream().filter(t -> !t.isHost()).map(Target::makeName).sorted().toList();
        assertEquals(folders, targets, "board folders against the targets");
    }

    @Test
    void extractToCopiesEveryFileByteForByteAndNothingElse(@TempDir Path dir) throws IOException {
        Path destination = dir.resolve("new/nested");
        FirmwareTemplate.extractTo(destination);

        Path module = FirmwareBuildSupport.moduleDir();
        for (String file : FirmwareTemplate.files()) {
            assertArrayEquals(Files.readAllBytes(module.resolve(file)), Files.readAllBytes(destination.resolve(file)),
                    file);
        }
        try (Stream<Path> paths = Files.walk(destination)) {
            assertEquals(FirmwareTemplate.files().size(), paths.filter(Files::isRegularFile).count(),
                    "no temporary or extra files may remain");
        }
    }

    @Test
    void extractToReplacesExistingFilesAndKeepsOthers(@TempDir Path dir) throws IOException {
        Path makefile = dir.resolve("Makefile");
        Path unrelated = dir.resolve("harness/notes.txt");
        Files.createDirectories(unrelated.getParent());
        Files.writeString(makefile, "stale");
        Files.writeString(unrelated, "mine");

        FirmwareTemplate.extractTo(dir);

        assertArrayEquals(Files.readAllBytes(FirmwareBuildSupport.moduleDir().resolve("Makefile")),
                Files.readAllBytes(makefile));
        assertEquals("mine", Files.readString(unrelated));
    }

    @Test
    void theRuntimeIsKernelsGlueFrontEndDecimatorAndDetectorAndNothingOfTheHarnessBoardsOrTests() {
        List<String> runtime = FirmwareTemplate.runtimeFiles();
        assertTrue(runtime.containsAll(List.of("cmsis-nn-portable/Include/arm_nnfunctions.h",
                "cmsis-nn-portable/Source/FullyConnectedFunctions/arm_fully_connected_s8.c",
                "hark-kernels/Include/hark_nnfunctions.h", "hark-kernels/Source/hark_gru_s8.c",
                "hark-frontend/Include/hark_frontend.h", "hark-frontend/Source/hark_frontend_stream.c",
                "hark-kws/Include/hark_detector.h", "hark-kws/Source/hark_detector.c",
                "hark-audio/Include/hark_pdm.h", "hark-audio/Source/hark_pdm_decimator.c")), runtime::toString);
        // The product firmware (product/) is hark's own program around a board's drivers, not what a user links.
        List<String> expected = FirmwareTemplate.files().stream()
                .filter(f -> !f.startsWith("boards/") && !f.startsWith("harness/") && !f.startsWith("test/")
                        && !f.startsWith("product/"))
                .filter(f -> f.contains("/")).map(FirmwareTemplateTest::outputPath).toList();
        assertEquals(expected, runtime);
        assertTrue(runtime.containsAll(List.of("CMakeLists.txt", "hark.mk")), "the build files go to the root");
    }

    @Test
    void syncRuntimeWritesOnlyWhatDiffersAndRemovesStaleRuntimeFiles(@TempDir Path dir) throws IOException {
        assertEquals(FirmwareTemplate.runtimeFiles(), FirmwareTemplate.syncRuntimeTo(dir));
        Path module = FirmwareBuildSupport.moduleDir();
        for (String file : FirmwareTemplate.runtimeFiles()) {
            assertArrayEquals(Files.readAllBytes(module.resolve(templatePath(file))),
                    Files.readAllBytes(dir.resolve(file)), file);
        }
        assertFalse(Files.exists(dir.resolve("Makefile")), "only the runtime is synced");

        Path changed = dir.resolve("hark-kernels/Source/hark_lut_s8.c");
        Files.writeString(changed, "edited");
        Path stale = dir.resolve("cmsis-nn-portable/Source/BasicMathFunctions/arm_removed_s8.c");
        Files.writeString(stale, "int removed;");
        Path outside = dir.resolve("hark_network.c");
        Files.writeString(outside, "generated elsewhere");

        assertEquals(List.of("hark-kernels/Source/hark_lut_s8.c"), FirmwareTemplate.syncRuntimeTo(dir));
        assertArrayEquals(Files.readAllBytes(module.resolve("hark-kernels/Source/hark_lut_s8.c")),
                Files.readAllBytes(changed));
        assertFalse(Files.exists(stale), "a file an older runtime left would be compiled and linked");
        assertEquals("generated elsewhere", Files.readString(outside));
        assertEquals(List.of(), FirmwareTemplate.syncRuntimeTo(dir));
    }

    @Test
    void syncingForACmsisNnCheckoutRemovesThePortableSubset(@TempDir Path dir) throws IOException {
        Path checkout = Files.createDirectories(dir.resolve("CMSIS-NN/Include"));
        Files.writeString(checkout.resolve("arm_nnfunctions.h"), "");
        KernelLibrary real = KernelLibrary.cmsisNn(checkout.getParent());
        Path out = dir.resolve("out");
        FirmwareTemplate.syncRuntimeTo(out);
        assertTrue(Files.isRegularFile(out.resolve("cmsis-nn-portable/Include/arm_nnfunctions.h")));

        assertEquals(List.of(), FirmwareTemplate.syncRuntimeTo(out, real));

        for (String file : FirmwareTemplate.runtimeFiles()) {
            assertEquals(!file.startsWith("cmsis-nn-portable/"), Files.isRegularFile(out.resolve(file)), file);
        }
        assertEquals(FirmwareTemplate.runtimeFiles().stream().filter(f -> f.startsWith("cmsis-nn-portable/"))
                .toList(), FirmwareTemplate.syncRuntimeTo(out));
    }

    /** Where a template file goes in a runtime's directory: the root folder's files to the root. */
    private static String outputPath(String templateFile) {
        String root = FirmwareTemplate.RUNTIME_ROOT_FOLDER + "/";
        return templateFile.startsWith(root) ? templateFile.substring(root.length()) : templateFile;
    }

    private static String templatePath(String runtimeFile) {
        return runtimeFile.contains("/") ? runtimeFile : FirmwareTemplate.RUNTIME_ROOT_FOLDER + "/" + runtimeFile;
    }

    @Test
    void unsafeIndexPathsAreRecognised() {
        assertTrue(FirmwareTemplate.isSafeRelativePath("boards/mps2-an386/board.mk"));
        for (String path : List.of("/etc/passwd", "../x", "a/../../b", "a//b", "a\\b", "./a", "a/")) {
            assertFalse(FirmwareTemplate.isSafeRelativePath(path), path);
        }
    }
}
