package dev.hark.firmware.run;

import dev.hark.sim.io.AtomicFiles;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The mark a build leaves in its target's build directory while make runs there ({@link FirmwareBuild#MAKE_RUNNING}):
 * the process that started the build and, once it runs, its make. A mark found at the start of a build means the
 * last one never ended. If its make still runs while the process that started it is gone (a JVM killed mid-build
 * leaves make running as an orphan), that make and everything it started are ended before the directory is built
 * again, so two makes never share it; if both still run, the directory is another live build's.
 *
 * @param owner the process that started the build
 * @param make  its make, once started
 */
record BuildMark(RecordedProcess owner, Optional<RecordedProcess> make) {
    /** How long an orphaned make and its compilers may take to die after being killed. */
    private static final long KILL_WAIT_SECONDS = 30;

    /**
     * One process, told apart from a later one that reuses its pid by its start time.
     *
     * @param start when it started, if the system says
     */
    record RecordedProcess(long pid, Optional<Instant> start) {
        static RecordedProcess of(ProcessHandle handle) {
            return new RecordedProcess(handle.pid(), handle.info().startInstant());
        }

        /** The process, if it still runs: the same pid, started at the same time. */
        Optional<ProcessHandle> running() {
            return ProcessHandle.of(pid).filter(ProcessHandle::isAlive)
                    .filter(h -> start.isEmpty() || h.info().startInstant().equals(start));
        }
    }

    /** The mark of a build this process starts, before its make runs. */
    static BuildMark ofThisProcess() {
        return new BuildMark(RecordedProcess.of(ProcessHandle.current()), Optional.empty());
    }

    BuildMark withMake(ProcessHandle make) {
        return new BuildMark(owner, Optional.of(RecordedProcess.of(make)));
    }

    void write(Path file) throws IOException {
        StringBuilder text = new StringBuilder("# make ran here and has not ended; the next build starts afresh\n");
        append(text, "owner", owner);
        make.ifPresent(m -> append(text, "make", m));
        AtomicFiles.writeString(file, text.toString());
    }

    /**
     * The mark written as {@code text}; empty when it names no owner (a mark of an earlier version, or one cut
     * short), which counts as a build that left no make running.
     */
    static Optional<BuildMark> read(String text) {
        Properties properties = new Properties();
        try {
            properties.load(new StringReader(text));
        } catch (IOException | IllegalArgumentException e) {
            return Optional.empty();
        }
        return process(properties, "owner").map(owner -> new BuildMark(owner, process(properties, "make")));
    }

    /**
     * Makes sure no make of the build this mark records still runs: an orphaned make (its owner gone) is killed
     * with the processes it started, and waited for.
     *
     * @throws FirmwareRunException if the build is still alive (its owner and its make both run), or an orphan
     *                              does not die
     */
    void endOrphanedMake(Path buildDir) throws FirmwareRunException {
        Optional<ProcessHandle> running = make.flatMap(RecordedProcess::running);
        if (running.isEmpty()) {
            return;
        }
        if (owner.running().isPresent()) {
            throw new FirmwareRunException(buildDir + " is being built by process " + owner.pid() + " (its make, "
                    + "process " + running.get().pid() + ", still runs); build again when it has ended");
        }
        ProcessHandle orphan = running.get();
        // The compilers it started, before it dies and they are reparented out of its reach.
        List<ProcessHandle> started = orphan.descendants().toList();
        orphan.destroyForcibly();
        started.forEach(ProcessHandle::destroyForcibly);
        try {
            orphan.onExit().get(KILL_WAIT_SECONDS, TimeUnit.SECONDS);
            for (ProcessHandle child : started) {
                child.onExit().get(KILL_WAIT_SECONDS, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new FirmwareRunException("interrupted while ending the orphaned make of " + buildDir, e);
        } catch (ExecutionException | TimeoutException e) {
            throw new FirmwareRunException(buildDir + ": the make an earlier build left running (process "
                    + orphan.pid() + ") did not end when killed", e);
        }
    }

    private static void append(StringBuilder text, String name, RecordedProcess process) {
        text.append(name).append(".pid=").append(process.pid()).append('\n');
        process.start().ifPresent(start -> text.append(name).append(".start=").append(start).append('\n'));
    }

    private static Optional<RecordedProcess> process(Properties properties, String name) {
        try {
            long pid = Long.parseLong(properties.getProperty(name + ".pid", ""));
            Optional<Instant> start = Optional.ofNullable(properties.getProperty(name + ".start")).map(Instant::parse);
            return Optional.of(new RecordedProcess(pid, start));
        } catch (NumberFormatException | DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
