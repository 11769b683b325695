package dev.hark.testing;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.BiFunction;

/**
 * A seeded mutation fuzzer for the parsers of the files users give hark (model files, WAVs). Each execution takes
 * one of the valid seed inputs, applies one to four mutations (a flipped bit, a byte set to a boundary value, a
 * truncation, inserted or deleted or duplicated bytes, a 32-bit field, preferably one of the format's size fields,
 * set to a huge or boundary value) and hands the result to the target, which must either accept it or throw one of
 * the documented exceptions. Anything else thrown (another exception, an {@link OutOfMemoryError}, a
 * {@link StackOverflowError}) is a failure, told apart by its type and the frame it was thrown from.
 *
 * <p>Execution {@code i} of seed {@code s} draws from {@code new Random(s * 1_000_003 + i)}, so a failure is
 * reproduced from the two numbers the report gives. The default run is a fixed number of executions (a few seconds);
 * {@code -Dhark.fuzz.executions=N} runs N instead.
 */
public final class Fuzzer {
    public static final String EXECUTIONS_PROPERTY = "hark.fuzz.executions";
    /** Values a size or count field is set to: boundaries of 8, 16 and 32 bits, and sizes far beyond any file. */
    private static final long[] INTERESTING = {0, 1, 2, 0x7F, 0x80, 0xFF, 0x7FFF, 0x8000, 0xFFFF, 0x7FFF_FFFFL,
            0x8000_0000L, 0xFFFF_FFFFL, 0xFFFF_FFF0L, 1_152_000_000L, 10_000_000_000L % (1L << 32)};

    /** What a target does with one mutated input; throwing a documented exception is a rejection, not a failure. */
    @FunctionalInterface
    public interface Target {
        void accept(byte[] input) throws Exception;
    }

    /** The outcome: how many inputs ran, how many were rejected, and each distinct failure with its first input. */
    public record Report(String name, long seed, int executions, int rejected, Map<String, Failure> failures) {
        public String summary() {
            return name + ": " + executions + " executions (seed " + seed + "), " + rejected + " rejected with a "
                    + "documented exception, " + failures.size() + " distinct failures";
        }

        /** The failures, one paragraph each, for an assertion message. */
        public String describe() {
            StringBuilder text = new StringBuilder(summary());
            failures.forEach((key, f) -> text.append("\n\n").append(key).append(" (first at execution ")
                    .append(f.execution()).append(", ").append(f.input().length).append(" bytes: ")
                    .append(HexFormat.of().formatHex(f.input(), 0, Math.min(64, f.input().length)))
                    .append(f.input().length > 64 ? "..." : "").append(")\n").append(f.trace()));
            return text.toString();
        }
    }

    public record Failure(int execution, byte[] input, String trace) {
    }

    private final List<byte[]> seeds;
    private final int[] sizeFieldOffsets;
    private final List<BiFunction<byte[], Random, byte[]>> finishers;

    /**
     * @param seeds            valid inputs to mutate
     * @param sizeFieldOffsets offsets of the format's 32-bit little-endian size fields, aimed at more often than
     *                         other places
     * @param finishers        applied after the mutations, one chosen at random (the identity among them, or a
     *                         model file's checksum recomputed so the mutation reaches the checks behind it, or a
     *                         value of its JSON header changed)
     */
    public Fuzzer(List<byte[]> seeds, int[] sizeFieldOffsets, List<BiFunction<byte[], Random, byte[]>> finishers) {
        this.seeds = List.copyOf(seeds);
        this.sizeFieldOffsets = sizeFieldOffsets.clone();
        this.finishers = List.copyOf(finishers);
    }

    /** The number of executions: {@code -Dhark.fuzz.executions}, else {@code defaultExecutions}. */
    public static int executions(int defaultExecutions) {
        return Integer.getInteger(EXECUTIONS_PROPERTY, defaultExecutions);
    }

    /**
     * Runs the target on {@code executions} mutated inputs.
     *
     * @param documented the exception types the target may throw for bad input
     */
    @SafeVarargs
    public final Report run(String name, long seed, int executions, Target target,
                            Class<? extends Throwable>... documented) {
        Map<String, Failure> failures = new LinkedHashMap<>();
        int rejected = 0;
        for (int i = 0; i < executions; i++) {
            Random random = new Random(seed * 1_000_003 + i);
            byte[] input = mutate(seeds.get(random.nextInt(seeds.size())), random);
            input = finishers.get(random.nextInt(finishers.size())).apply(input, random);
            try {
                target.accept(input);
            } catch (Throwable t) { // OutOfMemoryError and StackOverflowError included: each is a finding
                if (Arrays.stream(documented).anyMatch(type -> type.isInstance(t))) {
                    rejected++;
                } else {
                    failures.putIfAbsent(key(t), new Failure(i, input, trace(t)));
                }
            }
        }
        return new Report(name, seed, executions, rejected, failures);
    }

    /** One to four mutations of a copy of {@code input}. */
    byte[] mutate(byte[] input, Random random) {
        byte[] bytes = input.clone();
        int count = 1 + random.nextInt(4);
        for (int m = 0; m < count; m++) {
            bytes = mutateOnce(bytes, random);
        }
        return bytes;
    }

    private byte[] mutateOnce(byte[] bytes, Random random) {
        if (bytes.length == 0) {
            return new byte[] {(byte) random.nextInt(256)};
        }
        int at = random.nextInt(bytes.length);
        switch (random.nextInt(8)) {
            case 0 -> bytes[at] ^= (byte) (1 << random.nextInt(8));
            case 1 -> bytes[at] = (byte) new int[] {0, 1, 0x7F, 0x80, 0xFF, random.nextInt(256)}[random.nextInt(6)];
            case 2 -> {
                return Arrays.copyOf(bytes, at);
            }
            case 3 -> {
                byte[] inserted = new byte[1 + random.nextInt(16)];
                random.nextBytes(inserted);
                return splice(bytes, at, 0, inserted);
            }
            case 4 -> {
                return splice(bytes, at, Math.min(bytes.length - at, 1 + random.nextInt(64)), new byte[0]);
            }
            case 5 -> {
                int from = random.nextInt(bytes.length);
                byte[] copy = Arrays.copyOfRange(bytes, from, Math.min(bytes.length, from + 1 + random.nextInt(64)));
                return splice(bytes, at, 0, copy);
            }
            default -> {
                int field = sizeFieldOffsets.length > 0 && random.nextBoolean()
                        ? sizeFieldOffsets[random.nextInt(sizeFieldOffsets.length)] : at;
                if (field + 4 <= bytes.length) {
                    long value = INTERESTING[random.nextInt(INTERESTING.length)];
                    ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).putInt(field, (int) value);
                }
            }
        }
        return bytes;
    }

    private static byte[] splice(byte[] bytes, int at, int remove, byte[] insert) {
        byte[] out = new byte[bytes.length - remove + insert.length];
        System.arraycopy(bytes, 0, out, 0, at);
        System.arraycopy(insert, 0, out, at, insert.length);
        System.arraycopy(bytes, at + remove, out, at + insert.length, bytes.length - at - remove);
        return out;
    }

    /** A failure's identity: its type and where it was thrown from (the first frame of hark's own code). */
    private static String key(Throwable t) {
        StackTraceElement where = Arrays.stream(t.getStackTrace())
                .filter(e -> e.getClassName().startsWith("dev.hark.") && !e.getClassName().equals(Fuzzer.class.getName()))
                .findFirst().orElse(t.getStackTrace().length > 0 ? t.getStackTrace()[0] : null);
        return t.getClass().getName() + " at " + where;
    }

    private static String trace(Throwable t) {
        StringWriter text = new StringWriter();
        t.printStackTrace(new PrintWriter(text));
        List<String> lines = new ArrayList<>(text.toString().lines().limit(12).toList());
        return String.join("\n", lines);
    }
}
