package dev.hark.pipeline.workspace;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hark.testing.Fast;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@Fast
class WorkspaceTest {
    @TempDir
    Path dir;

    @Test
    void aWorkspaceServesOneDataSetAndKeyword() throws Exception {
        Workspace workspace = new Workspace(dir);
        workspace.claim(null, "sheila");
        assertDoesNotThrow(() -> workspace.claim(null, "sheila"), "the same run resumes");
        WorkspaceConflictException otherKeyword = assertThrows(WorkspaceConflictException.class,
                () -> workspace.claim(null, "stop"));
        assertTrue(otherKeyword.getMessage().startsWith(dir + ": this workspace holds a run on other data"),
                otherKeyword.getMessage());
        assertThrows(WorkspaceConflictException.class, () -> workspace.claim(dir.resolve("real"), "sheila"));
    }
}
