package dev.hark.pipeline.data;

import dev.hark.sim.io.AtomicFiles;
import dev.hark.sim.model.TrainingSpeakers;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A workspace's training speakers ({@link TrainingSpeakers}: the train and dev splits' speakers as salted hashes) in
 * a file of their own, so that {@code hark evaluate -w} can warn about clips of theirs.
 *
 * <p>File: the line {@value #FORMAT}, the line {@code salt <hex>}, then one hash per line, sorted. The salt is drawn
 * once per workspace, so the hashes of one workspace say nothing about another's. Version 1 files hold whole
 * SHA-256s, version 2 files the hashes' first {@value TrainingSpeakers#HASH_DIGITS} hex digits; both are read.
 */
public final class TrainingSpeakersFile {
    /** The file's first line: its format and version. */
    public static final String FORMAT = "hark-training-speakers/2";
    private static final List<String> READABLE = List.of("hark-training-speakers/1", FORMAT);

    private TrainingSpeakersFile() {
    }

    /** @throws IOException naming the file, when it is not such a file */
    public static TrainingSpeakers read(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        if (lines.size() < 2 || !READABLE.contains(lines.get(0)) || !lines.get(1).startsWith("salt ")) {
            throw new IOException(file + ": not a list of training speakers (" + FORMAT + ")");
        }
        try {
            return new TrainingSpeakers(lines.get(1).substring(5), lines.subList(2, lines.size()));
        } catch (IllegalArgumentException e) {
            throw new IOException(file + ": " + e.getMessage(), e);
        }
    }

    /** Writes {@code speakers} to {@code file} atomically. */
    public static void write(TrainingSpeakers speakers, Path file) throws IOException {
        StringBuilder text = new StringBuilder(FORMAT).append("\nsalt ").append(speakers.salt()).append('\n');
        speakers.hashes().forEach(h -> text.append(h).append('\n'));
        AtomicFiles.writeString(file, text.toString());
    }
}
