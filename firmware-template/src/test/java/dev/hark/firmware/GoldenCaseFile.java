package dev.hark.firmware;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads one CMSIS-NN golden JSON file (see shared/cmsis-nn-golden/README.md) and turns each case into a block of the
 * text format test/golden_runner.c reads, plus the status and output the real library returned.
 */
final class GoldenCaseFile {

    /** The kernels cmsis-nn-portable implements; each has a golden file named {@code <kernel>.json}. */
    static final List<String> KERNELS = List.of("requantize", "fully_connected_s8", "convolve_wrapper_s8",
            "softmax_s8", "elementwise_add_s8", "elementwise_mul_s8");

    /** One case: {@code id} is "kernel/name", unique across files and free of whitespace. */
    record GoldenCase(String id, String runnerBlock, int status, int[] output) {
    }

    private GoldenCaseFile() {
    }

    static List<GoldenCase> read(Path file, String kernel) throws IOException {
        JsonObject root;
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            root = JsonParser.parseReader(reader).getAsJsonObject();
        }
        List<GoldenCase> cases = new ArrayList<>();
        for (JsonElement element : root.getAsJsonArray("cases")) {
            JsonObject json = element.getAsJsonObject();
            String name = json.get("name").getAsString();
            if (name.isEmpty() || name.chars().anyMatch(Character::isWhitespace)) {
                throw new IllegalArgumentException(file + ": case name unusable in the runner format: '" + name + "'");
            }
            String id = kernel + "/" + name;
            StringBuilder block = new StringBuilder("case ").append(id).append(' ').append(kernel);
            appendParameters(block, kernel, json.getAsJsonObject("params"), json);
            int status = json.has("status") ? json.get("status").getAsInt() : 0;
            cases.add(new GoldenCase(id, block.append('\n').toString(), status, ints(json.getAsJsonArray("output"))));
        }
        return cases;
    }

    /** Scalars and arrays in the order test/golden_runner.c documents for each kernel. */
    private static void appendParameters(StringBuilder out, String kernel, JsonObject p, JsonObject json) {
        switch (kernel) {
            case "requantize" -> scalars(out, p, "val", "multiplier", "shift");
            case "fully_connected_s8" -> {
                scalars(out, p, "input_offset", "filter_offset", "output_offset", "activation_min", "activation_max");
                out.append(' ').append(single(json, "multiplier")).append(' ').append(single(json, "shift"));
                dims(out, p, "input_dims", "filter_dims", "bias_dims", "output_dims");
                arrays(out, json, "input", "filter", "bias");
            }
            case "convolve_wrapper_s8" -> {
                scalars(out, p, "input_offset", "output_offset");
                tiles(out, p, "stride", "padding", "dilation");
                scalars(out, p, "activation_min", "activation_max");
                dims(out, p, "input_dims", "filter_dims", "bias_dims", "output_dims");
                arrays(out, json, "input", "filter", "bias", "multiplier", "shift");
            }
            case "softmax_s8" -> {
                scalars(out, p, "num_rows", "row_size", "mult", "shift", "diff_min");
                arrays(out, json, "input");
            }
            case "elementwise_add_s8" -> {
                scalars(out, p, "input_1_offset", "input_1_mult", "input_1_shift", "input_2_offset", "input_2_mult",
                        "input_2_shift", "left_shift", "out_offset", "out_mult", "out_shift", "out_activation_min",
                        "out_activation_max", "block_size");
                arrays(out, json, "input1", "input2");
            }
            case "elementwise_mul_s8" -> {
                scalars(out, p, "input_1_offset", "input_2_offset", "out_offset", "out_mult", "out_shift",
                        "out_activation_min", "out_activation_max", "block_size");
                arrays(out, json, "input1", "input2");
            }
            default -> throw new IllegalArgumentException("no runner format for kernel " + kernel);
        }
    }

    private static void scalars(StringBuilder out, JsonObject p, String... names) {
        for (String name : names) {
            out.append(' ').append(p.get(name).getAsLong());
        }
    }

    private static void tiles(StringBuilder out, JsonObject p, String... names) {
        for (String name : names) {
            JsonObject tile = p.getAsJsonObject(name);
            out.append(' ').append(tile.get("w").getAsInt()).append(' ').append(tile.get("h").getAsInt());
        }
    }

    private static void dims(StringBuilder out, JsonObject p, String... names) {
        for (String name : names) {
            JsonObject d = p.getAsJsonObject(name);
            for (String axis : List.of("n", "h", "w", "c")) {
                out.append(' ').append(d.get(axis).getAsInt());
            }
        }
    }

    private static void arrays(StringBuilder out, JsonObject json, String... names) {
        for (String name : names) {
            JsonArray array = json.getAsJsonArray(name);
            out.append(' ').append(array.size());
            for (JsonElement value : array) {
                out.append(' ').append(value.getAsLong());
            }
        }
    }

    private static long single(JsonObject json, String name) {
        JsonArray array = json.getAsJsonArray(name);
        if (array.size() != 1) {
            throw new IllegalArgumentException("per-tensor " + name + " must have one entry, has " + array.size());
        }
        return array.get(0).getAsLong();
    }

    private static int[] ints(JsonArray array) {
        int[] values = new int[array.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = array.get(i).getAsInt();
        }
        return values;
    }
}
