package dev.hark.trainer.train;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A training run's checkpoints: {@code <run>/checkpoints/epoch-NNNN.ckpt}, one per finished epoch. Only the
 * newest {@value #KEPT} are kept, so that when the newest is damaged the one before it is still there to fall
 * back on (by deleting the damaged file; nothing is skipped silently).
 */
public final class RunDirectory {
    /** Checkpoints kept on disk. */
    public static final int KEPT = 2;
    private static final Pattern NAME = Pattern.compile("epoch-(\\d{4,})\\.ckpt");

    private final Path root;

    public RunDirectory(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    public Path root() {
        return root;
    }

    public Path checkpoints() {
        return root.resolve("checkpoints");
    }

    /** The file of the checkpoint taken after 1-based {@code epoch}. */
    public Path checkpoint(int epoch) {
        return checkpoints().resolve(String.format(Locale.ROOT, "epoch-%04d.ckpt", epoch));
    }

    /** The checkpoint files present, oldest first. */
    public List<Path> checkpointFiles() throws IOException {
        if (!Files.isDirectory(checkpoints())) {
            return List.of();
        }
        List<Path> files = new ArrayList<>();
        try (Stream<Path> list = Files.list(checkpoints())) {
            list.filter(p -> NAME.matcher(p.getFileName().toString()).matches()).forEach(files::add);
        }
        files.sort((a, b) -> Integer.compare(epochOf(a), epochOf(b)));
        return files;
    }

    /**
     * The newest checkpoint, verified; empty if there is none.
     *
     * @throws CheckpointException if the newest checkpoint is damaged; the message names it and the older one
     *                             that deleting it would fall back to
     */
    public Optional<Checkpoint> latest() throws IOException {
        List<Path> files = checkpointFiles();
        if (files.isEmpty()) {
            return Optional.empty();
        }
        Path newest = files.get(files.size() - 1);
        try {
            return Optional.of(CheckpointFile.read(newest));
        } catch (CheckpointException e) {
            String fallback = files.size() > 1
                    ? "; delete it to resume from " + files.get(files.size() - 2).getFileName()
                    : "; delete it to start the run again";
            throw new CheckpointException(newest, e.problem() + fallback);
        }
    }

    /** What a trainer takes back from the checkpoint it resumes from: parameters, optimizer state, history. */
    @FunctionalInterface
    public interface Restore {
        /**
         * @param file the checkpoint's file, for messages
         * @throws CheckpointException (or IllegalArgumentException) when the checkpoint does not fit the model
         */
        void restore(Path file, Checkpoint checkpoint) throws CheckpointException;
    }

    /**
     * Resumes the run from its newest checkpoint, if there is one: checks that it was written with these
     * {@code settings} and has no more than {@code epochs} epochs, then hands it to {@code restore}. Every trainer
     * resumes this way, so that a run it cannot continue is refused with the same messages.
     *
     * @return the 0-based epoch to continue with: 0 without a checkpoint
     * @throws UncheckedIOException wrapping a {@link CheckpointException} that names the file, when the checkpoint
     *                              is damaged or does not fit
     */
    public int resume(Map<String, String> settings, int epochs, Restore restore) {
        Optional<Checkpoint> latest;
        try {
            latest = latest();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (latest.isEmpty()) {
            return 0;
        }
        Checkpoint c = latest.get();
        Path file = checkpoint(c.epochsDone());
        try {
            RunSettings.requireSame(file, c.settings(), settings);
            if (c.epochsDone() > epochs) {
                throw new CheckpointException(file, "the run already has " + c.epochsDone() + " epochs, more than "
                        + epochs);
            }
            restore.restore(file, c);
        } catch (CheckpointException e) {
            throw new UncheckedIOException(e);
        } catch (IllegalArgumentException e) {
            throw new UncheckedIOException(new CheckpointException(file, e.getMessage()));
        }
        return c.epochsDone();
    }

    /** Writes the checkpoint of {@code checkpoint.epochsDone()} atomically and drops all but the newest few. */
    public void write(Checkpoint checkpoint) throws IOException {
        Files.createDirectories(checkpoints());
        CheckpointFile.write(checkpoint(checkpoint.epochsDone()), checkpoint);
        List<Path> files = checkpointFiles();
        for (int i = 0; i < files.size() - KEPT; i++) {
            Files.deleteIfExists(files.get(i));
        }
    }

    private static int epochOf(Path file) {
        Matcher m = NAME.matcher(file.getFileName().toString());
        if (!m.matches()) {
            throw new IllegalArgumentException(file + ": not a checkpoint name");
        }
        return Integer.parseInt(m.group(1));
    }
}
