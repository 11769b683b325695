package dev.hark.trainer.augment;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * A small SplitMix64 random stream whose whole output is defined here, not by the JDK, so that augmentation
 * drawn today is drawn identically by any later JVM: a run resumed at epoch e on another machine sees the very
 * clips the interrupted run would have seen.
 *
 * <p>Streams are keyed, never shared: {@link #forClip} depends only on {@code (seed, index, epoch)}, so the
 * draws for one clip do not depend on which thread asks, or in which order clips are visited.
 */
public final class ClipRandom {
    private static final long GOLDEN_GAMMA = 0x9e3779b97f4a7c15L;

    private long state;

    private ClipRandom(long state) {
        this.state = state;
    }

    /** The stream of clip {@code index} in {@code epoch} under master {@code seed}. */
    public static ClipRandom forClip(long seed, int index, int epoch) {
        // Chained mixing: each step is a bijection of the previous state plus a distinct odd multiple of the
        // golden gamma, so (index, epoch) pairs land on unrelated states.
        long s = mix64(seed ^ 0x6861726b2d617567L); // "hark-aug"
        s = mix64(s + GOLDEN_GAMMA * (index + 1L));
        s = mix64(s + 0xd1b54a32d192ed03L * (epoch + 1L));
        return new ClipRandom(s);
    }

    /** A stream named by text (first 8 bytes of its SHA-1): stable across runs, JVMs and machines. */
    public static ClipRandom named(String name) {
        try {
            byte[] sha1 = MessageDigest.getInstance("SHA-1").digest(name.getBytes(StandardCharsets.UTF_8));
            return new ClipRandom(ByteBuffer.wrap(sha1).getLong());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-1 is required of every Java runtime", e);
        }
    }

    /** Next 64 random bits (SplitMix64). */
    public long nextLong() {
        state += GOLDEN_GAMMA;
        return mix64(state);
    }

    /** Uniform in [0, 1), 53 bits. */
    public double nextDouble() {
        return (nextLong() >>> 11) * 0x1.0p-53;
    }

    /** Uniform in [min, max]; {@code min} when they are equal. */
    public double uniform(double min, double max) {
        return min + (max - min) * nextDouble();
    }

    /**
     * Uniform in [0, bound) (bias below 2^-31 for any int bound, irrelevant here).
     *
     * @throws IllegalArgumentException if bound < 1
     */
    public int nextInt(int bound) {
        if (bound < 1) {
            throw new IllegalArgumentException("bound must be >= 1, got " + bound);
        }
        return (int) (((nextLong() >>> 32) * bound) >>> 32);
    }

    /** True with probability {@code p}. Always draws one value, whatever {@code p}, to keep the stream aligned. */
    public boolean chance(double p) {
        return nextDouble() < p;
    }

    static long mix64(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }
}
