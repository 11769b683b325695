package dev.hark.pipeline.workspace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hark.testing.Fast;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One run at a time in a workspace, checked step by step with a second process; no sleeps. */
@Fast
class WorkspaceLockTest {
    @TempDir
    Path dir;

    @Test
    void aSecondRunIsRefusedNamingTheWorkspaceAndTheHoldersPid() throws Exception {
        Path work = dir.resolve("work");
        Process holder = holder(work, "release");
        try {
            WorkspaceConflictException e = assertThrows(WorkspaceConflictException.class,
                    () -> WorkspaceLock.acquire(work));
            assertEquals(work + ": another hark run (pid " + holder.pid() + ") is using this workspace; wait for it"
                    + " to end or choose another --work", e.getMessage());
        } finally {
            holder.getOutputStream().close();
        }
        assertEquals(0, holder.waitFor());
        try (WorkspaceLock lock = WorkspaceLock.acquire(work)) {
            assertTrue(Files.exists(work.resolve(WorkspaceLock.FILE_NAME)));
        }
    }

    @Test
    void theLockOfARunThatWasKilledIsTakenOver() throws Exception {
        Path work = dir.resolve("work");
        Process holder = holder(work, "crash");
        holder.getOutputStream().close();
        assertEquals(9, holder.waitFor());
        assertTrue(Files.exists(work.resolve(WorkspaceLock.FILE_NAME)), "the killed run left its lock file");
        try (WorkspaceLock lock = WorkspaceLock.acquire(work)) {
            assertTrue(Files.readString(work.resolve(WorkspaceLock.FILE_NAME))
                    .startsWith("pid=" + ProcessHandle.current().pid() + "\n"));
        }
    }

    @Test
    void theSameProcessCannotHoldItTwice() throws Exception {
        Path work = dir.resolve("work");
        try (WorkspaceLock lock = WorkspaceLock.acquire(work)) {
            assertThrows(WorkspaceConflictException.class, () -> WorkspaceLock.acquire(work));
        }
        try (WorkspaceLock again = WorkspaceLock.acquire(work)) {
            assertTrue(Files.isDirectory(work));
        }
    }

    @Test
    void closingLeavesNothingWhereTheRunMadeNothing() throws Exception {
        Path fresh = dir.resolve("fresh");
        WorkspaceLock.acquire(fresh).close();
        assertFalse(Files.exists(fresh), "a workspace the run created and left empty is removed");
        Path existing = Files.createDirectories(dir.resolve("existing"));
        WorkspaceLock.acquire(existing).close();
        assertTrue(Files.isDirectory(existing));
        try (var files = Files.list(existing)) {
            assertEquals(List.of(), files.toList());
        }
    }

    /** A process holding {@code work}, started and confirmed to hold it before this returns. */
    private static Process holder(Path work, String ending) throws Exception {
        Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), WorkspaceLockHolder.class.getName(), work.toString(),
                ending).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        assertEquals("held", out.readLine());
        return process;
    }
}
