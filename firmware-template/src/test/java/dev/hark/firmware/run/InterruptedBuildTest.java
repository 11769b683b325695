package dev.hark.firmware.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hark.firmware.FirmwareTemplate;
import dev.hark.testing.Slow;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A build that never ended (its make killed mid-compile) leaves an object half written and newer than its source;
 * the next build must not link it as it is. One whose JVM was killed leaves its make running: the next build must not
 * build beside it.
 */
@Slow
class InterruptedBuildTest {
    @TempDir
    Path dir;

    @Test
    void aBuildAfterOneThatNeverEndedCompilesAfreshInsteadOfLinkingAHalfWrittenObject() throws Exception {
        FirmwareProject project = projectWithFakeNetwork();
        Path buildDir = project.buildDirectory(Target.HOST);
        assertBuiltWithoutMark(build(project), buildDir);

        // What a make killed while compiling leaves: its mark, and an object cut short, dated after everything.
        Path object = largestObject(buildDir);
        byte[] whole = Files.readAllBytes(object);
        Files.write(object, Arrays.copyOf(whole, whole.length / 3));
        Files.setLastModifiedTime(object, FileTime.from(Instant.now().plusSeconds(3600)));
        Files.writeString(buildDir.resolve(FirmwareBuild.MAKE_RUNNING), "");

        assertBuiltWithoutMark(build(project), buildDir);
        assertEquals(whole.length, Files.size(object), "the object was compiled again");
    }

    @Test
    void aMakeLeftRunningByABuildWhoseProcessDiedIsEndedBeforeTheDirectoryIsBuiltAgain() throws Exception {
        FirmwareProject project = projectWithFakeNetwork();
        Path buildDir = project.buildDirectory(Target.HOST);
        // A make whose JVM was killed: it and the compiler it started run on, their owner is gone.
        Process owner = waitingProcess();
        ProcessHandle ownerHandle = owner.toHandle();
        BuildMark ownersMark = new BuildMark(BuildMark.RecordedProcess.of(ownerHandle), Optional.empty());
        owner.getOutputStream().close();
        assertEquals(0, owner.waitFor());
        // The shell stands for make and its cat for a compiler; "started" is printed once the cat is forked. The cat
        // reads the shell's input through fd 3: a background command's own input is /dev/null, which would end it.
        Process orphan = new ProcessBuilder("sh", "-c", "exec 3<&0; cat <&3 & echo started; wait").start();
        assertEquals("started", new BufferedReader(new InputStreamReader(orphan.getInputStream(),
                StandardCharsets.UTF_8)).readLine());
        List<ProcessHandle> compilers = orphan.descendants().toList();
        assertEquals(1, compilers.size(), compilers::toString);
        Files.createDirectories(buildDir);
        ownersMark.withMake(orphan.toHandle()).write(buildDir.resolve(FirmwareBuild.MAKE_RUNNING));

        assertBuiltWithoutMark(build(project), buildDir);
        assertFalse(orphan.isAlive(), "the orphaned make was ended");
        compilers.forEach(c -> assertFalse(c.isAlive(), "what the orphaned make started was ended: " + c.pid()));
    }

    @Test
    void aDirectoryWhoseBuildIsStillAliveIsRefusedAndItsMakeLeftRunning() throws Exception {
        FirmwareProject project = projectWithFakeNetwork();
        Path buildDir = project.buildDirectory(Target.HOST);
        Process make = waitingProcess();
        try {
            Files.createDirectories(buildDir);
            // This JVM is the owner: alive, as another build's would be.
            BuildMark.ofThisProcess().withMake(make.toHandle()).write(buildDir.resolve(FirmwareBuild.MAKE_RUNNING));
            FirmwareRunException e = assertThrows(FirmwareRunException.class, () -> build(project));
            assertTrue(e.getMessage().contains("is being built by process " + ProcessHandle.current().pid()
                    + " (its make, process " + make.pid() + ", still runs)"), e.getMessage());
            assertTrue(make.isAlive(), "a live build's make is not touched");
            assertTrue(Files.exists(buildDir.resolve(FirmwareBuild.MAKE_RUNNING)), "nor its mark");
        } finally {
            make.getOutputStream().close();
            make.waitFor();
        }
    }

    /** The build ended well: its program is there and its mark gone. */
    private static void assertBuiltWithoutMark(FirmwareBuild.Result built, Path buildDir) {
        assertTrue(Files.isRegularFile(built.executable()), built.executable().toString());
        assertFalse(Files.exists(buildDir.resolve(FirmwareBuild.MAKE_RUNNING)), "a finished build leaves no mark");
    }

    /** A process that runs until its input is closed: a stand-in for a make, with nothing timed. */
    private static Process waitingProcess() throws IOException {
        return new ProcessBuilder("cat").start();
    }

    private FirmwareProject projectWithFakeNetwork() throws IOException {
        Path template = dir.resolve("template");
        FirmwareTemplate.extractTo(template);
        return FirmwareProject.create(dir.resolve("project"))
                .copyGeneratedSources(template.resolve("test/fake-network"));
    }

    /** The host build; the test is aborted when make or the compiler is missing. */
    private static FirmwareBuild.Result build(FirmwareProject project) throws FirmwareRunException {
        try {
            return FirmwareBuild.build(project, Target.HOST);
        } catch (MissingToolException e) {
            return Assumptions.abort(e.getMessage());
        }
    }

    private static Path largestObject(Path buildDir) throws Exception {
        try (Stream<Path> files = Files.walk(buildDir)) {
            List<Path> objects = files.filter(p -> p.toString().endsWith(".o")).toList();
            assertFalse(objects.isEmpty(), "the build wrote objects under " + buildDir);
            return objects.stream().max(Comparator.comparingLong(InterruptedBuildTest::size)).orElseThrow();
        }
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
