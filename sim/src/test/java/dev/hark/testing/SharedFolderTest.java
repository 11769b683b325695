package dev.hark.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opentest4j.AssertionFailedError;
import org.opentest4j.TestAbortedException;

@Fast
class SharedFolderTest {
    private static final Map<String, String> LOCAL = Map.of();
    private static final Map<String, String> CI = Map.of("CI", "true");

    @TempDir
    Path shared;

    @Test
    void aPresentFolderIsReturnedInAndOutsideCi() throws IOException {
        Files.createDirectories(shared.resolve("data/speech-commands"));
        for (Map<String, String> environment : List.of(LOCAL, CI)) {
            assertEquals(shared.resolve("data/speech-commands"),
                    SharedFolder.require("data/speech-commands", shared.toString(), environment));
        }
    }

    @Test
    void aMissingFolderSkipsOutsideCi() {
        Path missing = shared.resolve("cmsis-nn-golden");
        for (Map<String, String> environment : List.of(LOCAL, Map.of("CI", "false"), Map.of("CI", ""))) {
            TestAbortedException e = assertThrows(TestAbortedException.class,
                    () -> SharedFolder.require("cmsis-nn-golden", shared.toString(), environment));
            assertTrue(e.getMessage().contains(missing + " does not exist"), e.getMessage());
        }
    }

    @Test
    void aMissingFolderFailsInCiNamingThePath() {
        Path missing = shared.resolve("cmsis-nn-golden");
        AssertionFailedError e = assertThrows(AssertionFailedError.class,
                () -> SharedFolder.require("cmsis-nn-golden", shared.toString(), CI));
        assertTrue(e.getMessage().contains(missing + " does not exist"), e.getMessage());
        assertTrue(e.getMessage().contains("CI=true"), e.getMessage());
    }

    @Test
    void anUnsetPropertySkipsOutsideCiAndFailsInCi() {
        TestAbortedException skipped = assertThrows(TestAbortedException.class,
                () -> SharedFolder.require("data/speech-commands", null, LOCAL));
        assertTrue(skipped.getMessage().contains(SharedFolder.PROPERTY + " is not set"), skipped.getMessage());
        AssertionFailedError failed = assertThrows(AssertionFailedError.class,
                () -> SharedFolder.require("data/speech-commands", null, CI));
        assertTrue(failed.getMessage().contains("../shared/data/speech-commands"), failed.getMessage());
    }
}
