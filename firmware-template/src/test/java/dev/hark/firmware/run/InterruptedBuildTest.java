package dev.hark.firmware.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hark.firmware.FirmwareTemplate;
import dev.hark.testing.Slow;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A build that never ended (its make killed mid-compile) leaves an object half written and newer than its source;
 * the next build must not link it as it is.
 */
@Slow
class InterruptedBuildTest {
    @TempDir
    Path dir;

    @Test
    void aBuildAfterOneThatNeverEndedCompilesAfreshInsteadOfLinkingAHalfWrittenObject() throws Exception {
        Path template = dir.resolve("template");
        FirmwareTemplate.extractTo(template);
        FirmwareProject project = FirmwareProject.create(dir.resolve("project"))
                .copyGeneratedSources(template.resolve("test/fake-network"));
        Path buildDir = project.buildDirectory(Target.HOST);
        try {
            FirmwareBuild.build(project, Target.HOST);
        } catch (MissingToolException e) {
            Assumptions.abort(e.getMessage());
        }
        assertFalse(Files.exists(buildDir.resolve(FirmwareBuild.MAKE_RUNNING)), "a finished build leaves no mark");

        // What a make killed while compiling leaves: its mark, and an object cut short, dated after everything.
        Path object = largestObject(buildDir);
        byte[] whole = Files.readAllBytes(object);
        Files.write(object, Arrays.copyOf(whole, whole.length / 3));
        Files.setLastModifiedTime(object, FileTime.from(Instant.now().plusSeconds(3600)));
        Files.writeString(buildDir.resolve(FirmwareBuild.MAKE_RUNNING), "");

        FirmwareBuild.Result rebuilt = FirmwareBuild.build(project, Target.HOST);
        assertTrue(Files.isRegularFile(rebuilt.executable()));
        assertEquals(whole.length, Files.size(object), "the object was compiled again");
        assertFalse(Files.exists(buildDir.resolve(FirmwareBuild.MAKE_RUNNING)));
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
