package dev.hark.trainer.data;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** SHA-based ids and seeds: stable across runs, JVMs and machines (unlike String.hashCode mixing). */
final class Hashes {
    private Hashes() {
    }

    static byte[] sha1(String text) {
        return digest("SHA-1", text.getBytes(StandardCharsets.UTF_8));
    }

    static byte[] digest(String algorithm, byte[] bytes) {
        try {
            return MessageDigest.getInstance(algorithm).digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(algorithm + " is required of every Java runtime", e);
        }
    }

    /** The first {@code chars} hex digits of the SHA-1 of {@code text}. */
    static String sha1Hex(String text, int chars) {
        return HexFormat.of().formatHex(sha1(text)).substring(0, chars);
    }

    /** A seed for one named random stream under a master seed, independent of the order streams are used in. */
    static long seed(long master, String stream) {
        return ByteBuffer.wrap(sha1(master + "\u0000" + stream)).getLong();
    }
}
