package dev.hark.sim.model;

import dev.hark.sim.io.Checksums;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The speakers a model learned from, as salted hashes rather than names, so that an evaluation can tell a user that
 * clips come from those speakers (figures on them are optimistic) without the model file listing who they are.
 *
 * <p>A speaker's hash is the first {@value #HASH_DIGITS} hex digits of the SHA-256 of {@code salt + ":" + speaker}
 * (64 bits: a data set of thousands of speakers stays a few tens of kilobytes, and an evaluation speaker who is not
 * among them matches one by chance with odds of about one in 10^15). Records written before hashes were shortened
 * hold whole SHA-256s; {@link #contains} compares at the length the record's hashes have.
 *
 * @param salt   hex, prefixed to each speaker id before hashing
 * @param hashes the hashed speaker ids, sorted, all of one length
 */
public record TrainingSpeakers(String salt, List<String> hashes) {
    /** Hex digits of each hash this code writes. */
    public static final int HASH_DIGITS = 16;

    private static final String HEX = "[0-9a-f]+";

    /** @throws IllegalArgumentException for a salt or a hash that is not lower-case hex, or hashes of two lengths */
    public TrainingSpeakers {
        if (!salt.matches(HEX)) {
            throw new IllegalArgumentException("training speakers: the salt is not hex: " + salt);
        }
        hashes = List.copyOf(new TreeSet<>(hashes));
        int length = hashes.isEmpty() ? HASH_DIGITS : hashes.get(0).length();
        for (String hash : hashes) {
            if (!hash.matches(HEX) || hash.length() != length || length > 2 * Checksums.SHA256_BYTES) {
                throw new IllegalArgumentException("training speakers: " + hash + " is not a hash of "
                        + length + " hex digits like the others");
            }
        }
    }

    /** The speakers' hashes under a fresh random salt; blank ids (clips with no speaker, such as noise) left out. */
    public static TrainingSpeakers of(Collection<String> speakers) {
        byte[] salt = new byte[16];
        new SecureRandom().nextBytes(salt);
        return of(speakers, HexFormat.of().formatHex(salt));
    }

    /**
     * The speakers' hashes under a salt drawn from the speakers themselves: the same speakers give the same record
     * (a model file stays a function of what it was made from), other speakers another salt, so that records of two
     * data sets cannot be matched hash by hash.
     */
    public static TrainingSpeakers ofDeterministicSalt(Collection<String> speakers) {
        Set<String> sorted = new TreeSet<>(speakers.stream().filter(s -> !s.isBlank()).toList());
        String salt = Checksums.sha256Hex(("hark-training-speakers\n" + String.join("\n", sorted))
                .getBytes(StandardCharsets.UTF_8)).substring(0, 32);
        return of(sorted, salt);
    }

    public static TrainingSpeakers of(Collection<String> speakers, String salt) {
        Set<String> hashes = new TreeSet<>();
        speakers.stream().filter(s -> !s.isBlank()).forEach(s -> hashes.add(hash(salt, s, HASH_DIGITS)));
        return new TrainingSpeakers(salt, List.copyOf(hashes));
    }

    /** Whether {@code speaker} is one of them. */
    public boolean contains(String speaker) {
        return !speaker.isBlank() && !hashes.isEmpty()
                && hashes.contains(hash(salt, speaker, hashes.get(0).length()));
    }

    /** The number of speakers recorded. */
    public int size() {
        return hashes.size();
    }

    static String hash(String salt, String speaker, int digits) {
        return Checksums.sha256Hex((salt + ":" + speaker).getBytes(StandardCharsets.UTF_8)).substring(0, digits);
    }
}
