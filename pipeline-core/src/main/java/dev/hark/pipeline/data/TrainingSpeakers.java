package dev.hark.pipeline.data;

import dev.hark.sim.io.AtomicFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The speakers a workspace's models learned from (its train and dev splits), kept as salted hashes rather than
 * names, so that {@code hark evaluate} can tell a user that clips come from those speakers (figures on them are
 * optimistic) without the workspace listing who they are.
 *
 * <p>File: the line {@value #FORMAT}, the line {@code salt <hex>}, then one SHA-256 of {@code salt + ":" + speaker}
 * in hex per line, sorted. The salt is drawn once per workspace, so the hashes of one workspace say nothing about
 * another's.
 *
 * @param salt   hex, prefixed to each speaker id before hashing
 * @param hashes the hashed speaker ids
 */
public record TrainingSpeakers(String salt, Set<String> hashes) {
    /** The file's first line: its format and version. */
    public static final String FORMAT = "hark-training-speakers/1";

    public TrainingSpeakers {
        hashes = Set.copyOf(hashes);
    }

    /** The speakers' hashes under a fresh random salt; blank ids (clips with no speaker, such as noise) left out. */
    public static TrainingSpeakers of(Collection<String> speakers) {
        byte[] salt = new byte[16];
        new SecureRandom().nextBytes(salt);
        return of(speakers, HexFormat.of().formatHex(salt));
    }

    public static TrainingSpeakers of(Collection<String> speakers, String salt) {
        Set<String> hashes = new TreeSet<>();
        speakers.stream().filter(s -> !s.isBlank()).forEach(s -> hashes.add(hash(salt, s)));
        return new TrainingSpeakers(salt, hashes);
    }

    /** Whether {@code speaker} is one of them. */
    public boolean contains(String speaker) {
        return !speaker.isBlank() && hashes.contains(hash(salt, speaker));
    }

    /** @throws IOException naming the file, when it is not such a file */
    public static TrainingSpeakers read(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        if (lines.size() < 2 || !lines.get(0).equals(FORMAT) || !lines.get(1).startsWith("salt ")) {
            throw new IOException(file + ": not a list of training speakers (" + FORMAT + ")");
        }
        return new TrainingSpeakers(lines.get(1).substring(5), new TreeSet<>(lines.subList(2, lines.size())));
    }

    /** Writes the file atomically. */
    public void write(Path file) throws IOException {
        StringBuilder text = new StringBuilder(FORMAT).append("\nsalt ").append(salt).append('\n');
        new TreeSet<>(hashes).forEach(h -> text.append(h).append('\n'));
        AtomicFiles.writeString(file, text.toString());
    }

    static String hash(String salt, String speaker) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest((salt + ":" + speaker).getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java runtime", e);
        }
    }
}
