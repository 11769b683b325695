package dev.hark.sim;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.hark.sim.kernels.CmsisNnActivation;
import dev.hark.sim.kernels.CmsisNnDims;
import dev.hark.sim.kernels.CmsisNnPerChannelQuantParams;
import dev.hark.sim.kernels.CmsisNnPerTensorQuantParams;
import dev.hark.sim.kernels.CmsisNnTile;
import dev.hark.sim.kernels.Rounding;
import dev.hark.testing.SharedFolder;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicTest;

/**
 * Test access to the CMSIS-NN golden vectors in {@code <hark.shared.dir>/cmsis-nn-golden/}: locating and
 * parsing the JSON files (layout described in that folder's README) and comparing outputs exactly.
 *
 * <p>When the golden folder is not available, the calling test is skipped with a message saying so, or fails
 * under {@code CI=true} ({@link SharedFolder}); the product never needs these files.
 */
public final class GoldenVectors {

    /** The golden vectors' folder inside the shared folder. */
    private static final String GOLDEN_DIR = "cmsis-nn-golden";

    /**
     * One of the two CMSIS-NN builds the vectors were produced with.
     *
     * @param dirName       its folder under {@code cmsis-nn-golden/}
     * @param roundingField the value of its files' {@code rounding} field
     * @param rounding      the simulator rounding that must reproduce it
     */
    public record Folder(String dirName, String roundingField, Rounding rounding) {
        /** Both builds, the CMSIS-NN default (double rounding) first. */
        public static final List<Folder> BOTH = List.of(new Folder("double-rounding", "double", Rounding.DOUBLE),
                new Folder("single-rounding", "single", Rounding.SINGLE));
    }

    /** Checks one case; {@code rounding} is the one matching the folder the case came from. */
    @FunctionalInterface
    public interface CaseCheck {
        void check(Rounding rounding, GoldenCase goldenCase) throws Exception;
    }

    private GoldenVectors() {
    }

    /**
     * The golden folder; when it is not available, a skipped test (a failed one under {@code CI=true}).
     *
     * @return {@code <shared folder>/cmsis-nn-golden}
     */
    public static Path goldenDir() {
        return SharedFolder.require(GOLDEN_DIR);
    }

    /**
     * Parses one golden file.
     *
     * @param folder which build
     * @param fileName e.g. {@code "fully_connected_s8.json"}
     * @return the parsed file
     * @throws IllegalStateException if the file is missing, malformed or labelled with the wrong rounding
     */
    public static GoldenFile load(Folder folder, String fileName) {
        Path path = goldenDir().resolve(folder.dirName()).resolve(fileName);
        JsonObject root;
        try (Reader reader = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
            root = JsonParser.parseReader(reader).getAsJsonObject();
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException(path + ": cannot read golden file: " + e.getMessage(), e);
        }
        String rounding = string(root, "rounding", path.toString());
        if (!folder.roundingField().equals(rounding)) {
            throw new IllegalStateException(path + ": rounding is '" + rounding + "' but the folder is "
                    + folder.dirName());
        }
        List<GoldenCase> cases = new ArrayList<>();
        for (JsonElement element : root.getAsJsonArray("cases")) {
            JsonObject object = element.getAsJsonObject();
            cases.add(new GoldenCase(path, string(object, "name", path.toString()), object));
        }
        if (cases.isEmpty()) {
            throw new IllegalStateException(path + ": has no cases");
        }
        return new GoldenFile(path, string(root, "kernel", path.toString()), rounding, List.copyOf(cases));
    }

    /**
     * One dynamic test per case of {@code fileName}, grouped per folder, for both folders. Assertion messages
     * are prefixed with the folder name.
     *
     * @param fileName golden file name, present in both folders
     * @param check the per-case check
     * @return containers for a {@code @TestFactory}
     */
    public static Stream<DynamicContainer> casesOfBothFolders(String fileName, CaseCheck check) {
        if (!SharedFolder.isPresent(GOLDEN_DIR)) {
            // An assumption failing in the factory itself would vanish from surefire's report; a dynamic test
            // that looks the folder up keeps the reason visible (and fails under CI=true).
            return Stream.of(DynamicContainer.dynamicContainer(fileName, Stream.of(
                    DynamicTest.dynamicTest("needs the golden vectors", GoldenVectors::goldenDir))));
        }
        List<DynamicContainer> containers = new ArrayList<>();
        for (Folder folder : Folder.BOTH) {
            GoldenFile file = load(folder, fileName);
            List<DynamicTest> tests = new ArrayList<>();
            for (GoldenCase goldenCase : file.cases()) {
                tests.add(DynamicTest.dynamicTest(goldenCase.name(), () -> {
                    try {
                        check.check(folder.rounding(), goldenCase);
                    } catch (AssertionError e) {
                        throw new AssertionError("[" + folder.dirName() + "] " + e.getMessage(), e);
                    }
                }));
            }
            containers.add(DynamicContainer.dynamicContainer(folder.dirName() + " (" + tests.size() + " cases)",
                    tests.stream()));
        }
        return containers.stream();
    }

    /**
     * Fails unless both arrays hold the same values, naming the first differing index and how many differ:
     * {@code case <name>: first differing index i: expected x, got y (k of n values differ)}.
     *
     * @param caseName golden case name, for the message
     * @param expected expected values
     * @param actual computed values
     */
    public static void assertSameValues(String caseName, long[] expected, long[] actual) {
        if (expected.length != actual.length) {
            throw new AssertionError("case " + caseName + ": expected " + expected.length + " values, got "
                    + actual.length);
        }
        int first = -1;
        int differing = 0;
        for (int i = 0; i < expected.length; i++) {
            if (expected[i] != actual[i]) {
                differing++;
                if (first < 0) {
                    first = i;
                }
            }
        }
        if (differing > 0) {
            throw new AssertionError("case " + caseName + ": first differing index " + first + ": expected "
                    + expected[first] + ", got " + actual[first] + " (" + differing + " of " + expected.length
                    + " values differ)");
        }
    }

    /** Widens int8 values for {@link #assertSameValues}. */
    public static long[] widen(byte[] values) {
        return IntStream.range(0, values.length).mapToLong(i -> values[i]).toArray();
    }

    /** Widens int16 values for {@link #assertSameValues}. */
    public static long[] widen(short[] values) {
        return IntStream.range(0, values.length).mapToLong(i -> values[i]).toArray();
    }

    /** Widens int32 values for {@link #assertSameValues}. */
    public static long[] widen(int[] values) {
        return Arrays.stream(values).asLongStream().toArray();
    }

    private static String string(JsonObject object, String key, String where) {
        JsonElement element = object.get(key);
        if (element == null || !element.isJsonPrimitive()) {
            throw new IllegalStateException(where + ": missing string field '" + key + "'");
        }
        return element.getAsString();
    }

    /**
     * One parsed golden file.
     *
     * @param path where it was read from
     * @param kernel the CMSIS-NN function name
     * @param rounding "double" or "single"
     * @param cases its cases, in file order
     */
    public record GoldenFile(Path path, String kernel, String rounding, List<GoldenCase> cases) {
    }

    /** One case: its {@code params} object and its arrays, with exact, range-checked accessors. */
    public static final class GoldenCase {
        private final Path path;
        private final String name;
        private final JsonObject json;
        private final JsonObject params;

        GoldenCase(Path path, String name, JsonObject json) {
            this.path = path;
            this.name = name;
            this.json = json;
            JsonElement p = json.get("params");
            this.params = p == null ? new JsonObject() : p.getAsJsonObject();
        }

        /** The case's {@code name}. */
        public String name() {
            return name;
        }

        /** Whether {@code params} has the given key. */
        public boolean hasParam(String key) {
            return params.has(key);
        }

        /** An integer parameter that must fit int32. */
        public int intParam(String key) {
            long value = longParam(key);
            if (value != (int) value) {
                throw problem("param '" + key + "' = " + value + " does not fit int32");
            }
            return (int) value;
        }

        /** An integer parameter. */
        public long longParam(String key) {
            return exactLong(param(key), "param '" + key + "'");
        }

        /** A floating-point parameter (the informational scales, stored as float32 printed exactly). */
        public double doubleParam(String key) {
            return param(key).getAsDouble();
        }

        /** A float32 parameter, checked to be exactly representable as float. */
        public float floatParam(String key) {
            double value = doubleParam(key);
            float narrow = (float) value;
            if (narrow != value) {
                throw problem("param '" + key + "' = " + value + " is not a float32 value");
            }
            return narrow;
        }

        /** A {@code {"n","h","w","c"}} parameter. */
        public CmsisNnDims dims(String key) {
            JsonObject o = object(key);
            return new CmsisNnDims(member(o, "n", key), member(o, "h", key), member(o, "w", key),
                    member(o, "c", key));
        }

        /** A {@code {"w","h"}} parameter. */
        public CmsisNnTile tile(String key) {
            JsonObject o = object(key);
            return new CmsisNnTile(member(o, "w", key), member(o, "h", key));
        }

        /** An activation clamp from two integer parameters. */
        public CmsisNnActivation activation(String minKey, String maxKey) {
            return new CmsisNnActivation(intParam(minKey), intParam(maxKey));
        }

        /** The {@code multiplier} and {@code shift} arrays, one pair per output channel. */
        public CmsisNnPerChannelQuantParams perChannelQuant() {
            return new CmsisNnPerChannelQuantParams(int32Array("multiplier"), int32Array("shift"));
        }

        /** The one pair of the {@code multiplier} and {@code shift} arrays of a per-tensor case. */
        public CmsisNnPerTensorQuantParams perTensorQuant() {
            CmsisNnPerChannelQuantParams q = perChannelQuant();
            if (q.multiplier().length != 1 || q.shift().length != 1) {
                throw problem("a per-tensor case needs one multiplier and one shift, has "
                        + q.multiplier().length + " and " + q.shift().length);
            }
            return new CmsisNnPerTensorQuantParams(q.multiplier()[0], q.shift()[0]);
        }

        /** A top-level array of int8 values. */
        public byte[] int8Array(String key) {
            long[] wide = int64Array(key, Byte.MIN_VALUE, Byte.MAX_VALUE);
            byte[] values = new byte[wide.length];
            IntStream.range(0, wide.length).forEach(i -> values[i] = (byte) wide[i]);
            return values;
        }

        /** A top-level array of int16 values. */
        public short[] int16Array(String key) {
            long[] wide = int64Array(key, Short.MIN_VALUE, Short.MAX_VALUE);
            short[] values = new short[wide.length];
            IntStream.range(0, wide.length).forEach(i -> values[i] = (short) wide[i]);
            return values;
        }

        /** A top-level array of int32 values. */
        public int[] int32Array(String key) {
            return Arrays.stream(int64Array(key, Integer.MIN_VALUE, Integer.MAX_VALUE)).mapToInt(v -> (int) v)
                    .toArray();
        }

        /** A top-level array of integers, each checked to lie in {@code [min, max]}. */
        private long[] int64Array(String key, long min, long max) {
            long[] values = int64Array(key);
            for (int i = 0; i < values.length; i++) {
                if (values[i] < min || values[i] > max) {
                    throw problem(key + "[" + i + "] = " + values[i] + " is outside [" + min + ", " + max + "]");
                }
            }
            return values;
        }

        /** A top-level array of int64 values. */
        public long[] int64Array(String key) {
            JsonElement element = json.get(key);
            if (element == null || !element.isJsonArray()) {
                throw problem("missing array '" + key + "'");
            }
            JsonArray array = element.getAsJsonArray();
            long[] values = new long[array.size()];
            for (int i = 0; i < values.length; i++) {
                values[i] = exactLong(array.get(i), key + "[" + i + "]");
            }
            return values;
        }

        /** The stored {@code output} array, for comparison with {@link GoldenVectors#assertSameValues}. */
        public long[] expectedOutput() {
            return int64Array("output");
        }

        /** Asserts that {@code actual} equals the stored output exactly. */
        public void assertOutput(byte[] actual) {
            assertSameValues(name, expectedOutput(), widen(actual));
        }

        /** Asserts that {@code actual} equals the stored output exactly. */
        public void assertOutput(short[] actual) {
            assertSameValues(name, expectedOutput(), widen(actual));
        }

        /** Asserts that {@code actual} equals the stored output exactly. */
        public void assertOutput(int... actual) {
            assertSameValues(name, expectedOutput(), widen(actual));
        }

        private JsonElement param(String key) {
            JsonElement element = params.get(key);
            if (element == null || element.isJsonNull()) {
                throw problem("missing param '" + key + "'");
            }
            return element;
        }

        private JsonObject object(String key) {
            JsonElement element = param(key);
            if (!element.isJsonObject()) {
                throw problem("param '" + key + "' is not an object");
            }
            return element.getAsJsonObject();
        }

        private int member(JsonObject o, String member, String key) {
            JsonElement element = o.get(member);
            if (element == null) {
                throw problem("param '" + key + "' has no '" + member + "'");
            }
            return Math.toIntExact(exactLong(element, key + "." + member));
        }

        private long exactLong(JsonElement element, String what) {
            try {
                return element.getAsBigDecimal().longValueExact();
            } catch (RuntimeException e) {
                throw problem(what + " is not an integer: " + element);
            }
        }

        private IllegalStateException problem(String message) {
            return new IllegalStateException(path + ": case " + name + ": " + message);
        }

        @Override
        public String toString() {
            return name;
        }
    }
}
