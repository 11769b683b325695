package dev.hark.firmware.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hark.testing.Fast;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@Fast
class FirmwareProjectTest {
    @TempDir
    Path dir;

    @Test
    void extractsTheTemplateAndCopiesGeneratedSources() throws IOException {
        FirmwareProject project = FirmwareProject.create(dir.resolve("project"));
        assertTrue(Files.isRegularFile(project.directory().resolve("Makefile")));
        assertTrue(Files.isRegularFile(project.directory().resolve("harness/hark_harness_main.c")));
        Files.writeString(project.generatedDirectory().resolve("stale.c"), "int stale;");

        Path sources = Files.createDirectories(dir.resolve("sources"));
        Files.writeString(sources.resolve("hark_network.h"), "/* h */");
        Files.writeString(sources.resolve("hark_network.c"), "/* c */");
        Files.writeString(sources.resolve("notes.txt"), "not C");
        project.copyGeneratedSources(sources);

        try (var list = Files.list(project.generatedDirectory())) {
            assertEquals(List.of("hark_network.c", "hark_network.h"),
                    list.map(p -> p.getFileName().toString()).sorted().toList());
        }
        assertEquals("/* c */", Files.readString(project.generatedDirectory().resolve("hark_network.c")));
    }

    @Test
    void recreatingAProjectTouchesOnlyWhatChanged() throws IOException {
        Path sources = Files.createDirectories(dir.resolve("sources"));
        Files.writeString(sources.resolve("hark_network.h"), "/* h */");
        Files.writeString(sources.resolve("hark_network.c"), "/* c */");
        FirmwareProject project = FirmwareProject.create(dir.resolve("project")).copyGeneratedSources(sources);
        FileTime old = FileTime.fromMillis(946_684_800_000L);
        Path makefile = project.directory().resolve("Makefile");
        Path header = project.generatedDirectory().resolve("hark_network.h");
        Path source = project.generatedDirectory().resolve("hark_network.c");
        for (Path file : List.of(makefile, header, source)) {
            Files.setLastModifiedTime(file, old);
        }
        Files.writeString(sources.resolve("hark_network.c"), "/* c, changed */");

        FirmwareProject.create(dir.resolve("project")).copyGeneratedSources(sources);

        // make decides by timestamps: an unchanged file must keep its own, or everything is rebuilt.
        assertEquals(old, Files.getLastModifiedTime(makefile));
        assertEquals(old, Files.getLastModifiedTime(header));
        assertEquals("/* c, changed */", Files.readString(source));
        assertNotEquals(old, Files.getLastModifiedTime(source));
    }

    @Test
    void refusesDirectoriesWithoutGeneratedSources() throws IOException {
        FirmwareProject project = FirmwareProject.create(dir.resolve("project"));
        FirmwareRunException copy = assertThrows(FirmwareRunException.class,
                () -> project.copyGeneratedSources(Files.createDirectories(dir.resolve("empty"))));
        assertTrue(copy.getMessage().contains("no hark_network.h"), copy.getMessage());
        FirmwareRunException build = assertThrows(FirmwareRunException.class,
                () -> FirmwareBuild.build(project, Target.HOST));
        assertFalse(build instanceof MissingToolException);
        assertTrue(build.getMessage().contains("no generated hark_network.h"), build.getMessage());
    }

    @Test
    void harnessRunnerNamesAMissingExecutable() {
        Path absent = dir.resolve("no-such-harness");
        FirmwareRunException e = assertThrows(FirmwareRunException.class,
                () -> new HarnessRunner(dir.resolve("run")).run(Target.HOST, absent, List.of(), 4));
        assertTrue(e.getMessage().startsWith(absent.toString()), e.getMessage());
    }

    @Test
    void missingToolMessageNamesTheToolAndItsAptPackages() {
        MissingToolException e = new MissingToolException("qemu-system-arm", "to run the firmware for mps2-an386");
        assertEquals("qemu-system-arm", e.tool());
        assertEquals("qemu-system-arm is not installed (needed to run the firmware for mps2-an386); install it with"
                + " `apt-get install qemu-system-arm` (scripts/install-deps installs the whole toolchain)",
                e.getMessage());
        assertTrue(new MissingToolException("arm-none-eabi-gcc", "to build the firmware for mps2-an386").getMessage()
                .contains("`apt-get install gcc-arm-none-eabi libnewlib-arm-none-eabi`"));
    }

    @Test
    void everyToolATargetNeedsHasItsAptPackage() {
        for (Target target : Target.all()) {
            for (String tool : concat(target.buildTools(), target.runTools())) {
                assertFalse(Tools.aptPackages(tool).isEmpty(), tool + " of " + target);
            }
        }
    }

    @Test
    void anUnknownToolPointsAtTheInstallScript() {
        assertTrue(new MissingToolException("festival", "to speak").getMessage()
                .endsWith("run scripts/install-deps to install the toolchain"));
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new java.util.ArrayList<>(a);
        all.addAll(b);
        return all;
    }
}
