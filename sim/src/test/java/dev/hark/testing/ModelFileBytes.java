package dev.hark.testing;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Edits of a {@code .hark} file's bytes that keep it well-formed where the test wants it to be (docs/model-format.md):
 * the SHA-256 recomputed, the JSON header replaced with the data section moved to its new aligned place. They let
 * a bad value reach the checks behind the checksum.
 */
public final class ModelFileBytes {
    /** Offset of the 32-bit format version, and of the 32-bit header length, after the 8-byte magic. */
    public static final int VERSION_OFFSET = 8;
    public static final int HEADER_LENGTH_OFFSET = 12;
    private static final int PREAMBLE = 16;
    private static final int CHECKSUM = 32;
    private static final Pattern NUMBER = Pattern.compile("(?<=[:\\[,])-?\\d+(\\.\\d+)?([eE][-+]?\\d+)?");
    private static final String[] BAD_VALUES = {"0", "-1", "1", "2147483647", "-2147483648", "2147483648",
            "10000000000", "1e30", "-1e30", "0.0", "\"x\"", "null", "[]", "{}", "true"};

    private ModelFileBytes() {
    }

    /** The file with its last 32 bytes set to the SHA-256 of everything before them. */
    public static byte[] reseal(byte[] model) {
        if (model.length < CHECKSUM) {
            return model.clone();
        }
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(model, 0, model.length - CHECKSUM);
            byte[] out = model.clone();
            System.arraycopy(sha.digest(), 0, out, model.length - CHECKSUM, CHECKSUM);
            return out;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The JSON header of a well-formed file. */
    public static String header(byte[] model) {
        int length = ByteBuffer.wrap(model).order(ByteOrder.LITTLE_ENDIAN).getInt(HEADER_LENGTH_OFFSET);
        return new String(model, PREAMBLE, length, StandardCharsets.UTF_8);
    }

    /** The well-formed file with another JSON header: the data section moved to the aligned place after it, resealed. */
    public static byte[] withHeader(byte[] model, String header) {
        int oldLength = ByteBuffer.wrap(model).order(ByteOrder.LITTLE_ENDIAN).getInt(HEADER_LENGTH_OFFSET);
        byte[] json = header.getBytes(StandardCharsets.UTF_8);
        byte[] data = Arrays.copyOfRange(model, align(PREAMBLE + oldLength), model.length - CHECKSUM);
        int dataStart = align(PREAMBLE + json.length);
        ByteBuffer out = ByteBuffer.allocate(dataStart + data.length + CHECKSUM).order(ByteOrder.LITTLE_ENDIAN);
        out.put(model, 0, HEADER_LENGTH_OFFSET).putInt(json.length).put(json).position(dataStart);
        out.put(data);
        return reseal(out.array());
    }

    /** {@link #withHeader} with the first occurrence of {@code find} in the header replaced by {@code replace}. */
    public static byte[] replaceInHeader(byte[] model, String find, String replace) {
        String header = header(model);
        if (!header.contains(find)) {
            throw new IllegalArgumentException("'" + find + "' is not in the header: " + header);
        }
        return withHeader(model, header.replaceFirst(Pattern.quote(find), Matcher.quoteReplacement(replace)));
    }

    /**
     * A well-formed file whose header has one number replaced by a boundary value, a huge one or a value of another
     * JSON type: what reaches the model's own checks, past the checksum and the JSON syntax. The input is returned
     * as it is when it is not a well-formed file.
     */
    public static byte[] withOneHeaderValueChanged(byte[] model, Random random) {
        String header;
        try {
            header = header(model);
        } catch (RuntimeException e) {
            return model;
        }
        if (model.length < align(PREAMBLE + header.length()) + CHECKSUM) {
            return model;
        }
        List<int[]> numbers = new ArrayList<>();
        Matcher m = NUMBER.matcher(header);
        while (m.find()) {
            numbers.add(new int[] {m.start(), m.end()});
        }
        if (numbers.isEmpty()) {
            return model;
        }
        int[] at = numbers.get(random.nextInt(numbers.size()));
        String value = BAD_VALUES[random.nextInt(BAD_VALUES.length)];
        return withHeader(model, header.substring(0, at[0]) + value + header.substring(at[1]));
    }

    private static int align(int offset) {
        return (offset + 15) / 16 * 16;
    }
}
