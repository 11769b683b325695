package dev.hark.sim.model.io;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import dev.hark.sim.detect.DetectionSettings;
import dev.hark.sim.io.AtomicFiles;
import dev.hark.sim.io.Checksums;
import dev.hark.sim.io.InputFiles;
import dev.hark.sim.kernels.Rounding;
import dev.hark.sim.model.LastStepLayer;
import dev.hark.sim.model.Layer;
import dev.hark.sim.model.ModelInfo;
import dev.hark.sim.model.QuantizedModel;
import dev.hark.sim.program.KeywordScore;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Reads and writes {@code .hark} model files: a magic, a format version, a JSON header that describes the whole
 * network with the names of the Java model, a 16-byte-aligned binary section with the int8/int32 arrays, and
 * a SHA-256 of everything before it. Layout and rules: {@code docs/model-format.md}.
 *
 * <p>A file that is truncated, corrupted, of another format version or inconsistent is rejected with a
 * {@link ModelFormatException} naming the file and the problem; nothing is ever loaded silently.
 */
public final class ModelFile {
    public static final byte[] MAGIC = "HARKMODL".getBytes(StandardCharsets.US_ASCII);
    /**
     * The newest format version this code reads and writes. Version 2 added {@link LastStepLayer}; a model without
     * one is written as version 1, byte for byte what version-1 tools wrote, so older readers keep reading it.
     */
    public static final int FORMAT_VERSION = 2;
    /** The oldest format version this code still reads. */
    public static final int OLDEST_READABLE_VERSION = 1;
    /**
     * The version of the optional {@code detector} section this code reads and writes. The section has a version of
     * its own because it is optional: older readers skip it (so it needs no new format version), while a reader meets
     * a detector it does not know as "detector section version V is not supported" instead of listening with a
     * misread one. Version 2 (this) holds a threshold on the keyword score ({@code KeywordScore}: log-odds in 1/16
     * nat plus 128); version 1 held one on the int8 softmax's probability (1/256), which reads as the score of the same
     * probability, rounded up ({@link KeywordScore#ofPosterior}).
     */
    public static final int DETECTOR_SECTION_VERSION = 2;
    /** The detector section whose threshold is a probability in 1/256, read and carried over. */
    static final int DETECTOR_SECTION_POSTERIOR = 1;
    static final String DETECTOR = "detector";
    static final int PREAMBLE = MAGIC.length + 4 + 4;
    static final int CHECKSUM_BYTES = Checksums.SHA256_BYTES;

    private ModelFile() {
    }

    /** Writes {@code model} to {@code file} atomically. */
    public static void write(QuantizedModel model, Path file) throws IOException {
        AtomicFiles.write(file, toBytes(model));
    }

    public static byte[] toBytes(QuantizedModel model) {
        TensorTable tensors = new TensorTable();
        RecordCodec codec = new RecordCodec(tensors);
        JsonObject header = new JsonObject();
        header.addProperty("format", "hark-model");
        int version = versionNeeded(model);
        header.addProperty("formatVersion", version);
        header.add("info", codec.encode(model.info(), "info"));
        header.addProperty("rounding", model.rounding().name());
        // Left out when no detector was chosen, so such a model is written byte for byte as before.
        model.knownDetector().ifPresent(d -> header.add(DETECTOR, detectorSection(d)));
        JsonArray layers = new JsonArray();
        for (int i = 0; i < model.layers().size(); i++) {
            layers.add(codec.encode(model.layers().get(i), model.layers().get(i).name()));
        }
        header.add("layers", layers);
        header.add("tensors", tensors.describe());
        byte[] json = new GsonBuilder().disableHtmlEscaping().serializeNulls().create().toJson(header)
                .getBytes(StandardCharsets.UTF_8);

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(MAGIC);
        out.writeBytes(le32(version));
        out.writeBytes(le32(json.length));
        out.writeBytes(json);
        out.writeBytes(new byte[TensorTable.align(out.size()) - out.size()]);
        out.writeBytes(tensors.data());
        out.writeBytes(Checksums.sha256(out.toByteArray(), 0, out.size()));
        return out.toByteArray();
    }

    /** Reads and fully validates a model file. */
    public static QuantizedModel read(Path file) throws IOException {
        return fromBytes(InputFiles.readAllBytes(file, ModelFormatException::new), file);
    }

    public static QuantizedModel fromBytes(byte[] bytes, Path file) throws ModelFormatException {
        if (bytes.length < MAGIC.length || !Arrays.equals(bytes, 0, MAGIC.length, MAGIC, 0, MAGIC.length)) {
            throw new ModelFormatException(file, "not a hark model file (bad magic)");
        }
        if (bytes.length < PREAMBLE + CHECKSUM_BYTES) {
            throw new ModelFormatException(file, "truncated (" + bytes.length + " bytes)");
        }
        ByteBuffer buffer = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        int version = buffer.getInt(MAGIC.length);
        if (version < OLDEST_READABLE_VERSION || version > FORMAT_VERSION) {
            throw new ModelFormatException(file, "format version " + version + " is not supported (this hark reads "
                    + OLDEST_READABLE_VERSION + " to " + FORMAT_VERSION + ")");
        }
        int body = bytes.length - CHECKSUM_BYTES;
        if (!Arrays.equals(Checksums.sha256(bytes, 0, body), 0, CHECKSUM_BYTES, bytes, body, bytes.length)) {
            throw new ModelFormatException(file, "checksum mismatch: the file is corrupted or truncated");
        }
        long headerLength = Integer.toUnsignedLong(buffer.getInt(MAGIC.length + 4));
        if (PREAMBLE + headerLength > body) {
            throw new ModelFormatException(file, "header length " + headerLength + " exceeds the file ("
                    + (body - PREAMBLE) + " bytes before the checksum)");
        }
        int dataStart = Math.min(TensorTable.align(PREAMBLE + (int) headerLength), body);
        JsonElement parsed;
        try {
            parsed = JsonParser.parseString(new String(bytes, PREAMBLE, (int) headerLength, StandardCharsets.UTF_8));
        } catch (JsonParseException e) {
            // Gson's message can run over lines (a link to its troubleshooting page); its first line is the cause.
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            throw new ModelFormatException(file, "malformed header: not valid JSON ("
                    + String.valueOf(cause.getMessage()).lines().findFirst().orElse("") + ")");
        }
        if (!parsed.isJsonObject()) {
            throw new ModelFormatException(file, "malformed header: not a JSON object");
        }
        JsonObject header = parsed.getAsJsonObject();
        try {
            ByteBuffer data = ByteBuffer.wrap(bytes, dataStart, body - dataStart).slice();
            int declared = RecordCodec.intValue(field(header, "formatVersion"), "formatVersion");
            if (declared != version) {
                throw new ModelFormatException(file, "malformed header: formatVersion " + declared
                        + " differs from the file's version " + version);
            }
            TensorTable tensors = TensorTable.read(array(header, "tensors"), data);
            RecordCodec codec = new RecordCodec(tensors);
            ModelInfo info = (ModelInfo) codec.decode(ModelInfo.class, field(header, "info"), "info");
            Rounding rounding = (Rounding) codec.decode(Rounding.class, field(header, "rounding"), "rounding");
            List<Layer> layers = new ArrayList<>();
            JsonArray layerArray = array(header, "layers");
            for (int i = 0; i < layerArray.size(); i++) {
                JsonElement layer = layerArray.get(i);
                layers.add((Layer) codec.decode(Layer.class, layer, "layers[" + i + "]"));
            }
            QuantizedModel model = new QuantizedModel(info, rounding, layers, detector(header.get(DETECTOR)));
            if (versionNeeded(model) > version) {
                throw new ModelFormatException(file, "format version " + version + " has no layer type "
                        + newestLayerType(model) + " (it needs version " + versionNeeded(model) + ")");
            }
            return model;
        } catch (RecordCodec.MalformedModelException e) {
            throw new ModelFormatException(file, "malformed header: " + e.getMessage());
        } catch (JsonParseException | IllegalStateException | IllegalArgumentException | NullPointerException
                 | ClassCastException | UnsupportedOperationException e) {
            throw new ModelFormatException(file, "malformed header: " + e.getMessage());
        }
    }

    private static JsonObject detectorSection(DetectionSettings detector) {
        JsonObject section = new JsonObject();
        section.addProperty("version", DETECTOR_SECTION_VERSION);
        section.addProperty("smoothingSteps", detector.smoothingSteps());
        section.addProperty("threshold", detector.threshold());
        section.addProperty("refractorySteps", detector.refractorySteps());
        return section;
    }

    /** The header's detector section; null when the file has none (written before it existed, or none chosen). */
    private static DetectionSettings detector(JsonElement section) throws RecordCodec.MalformedModelException {
        if (section == null) {
            return null;
        }
        JsonObject object = RecordCodec.object(section, DETECTOR);
        int version = RecordCodec.intValue(RecordCodec.member(object, "version", DETECTOR), DETECTOR + ".version");
        if (version != DETECTOR_SECTION_VERSION && version != DETECTOR_SECTION_POSTERIOR) {
            throw new RecordCodec.MalformedModelException("detector section version " + version
                    + " is not supported (this hark reads " + DETECTOR_SECTION_POSTERIOR + " and "
                    + DETECTOR_SECTION_VERSION + ")");
        }
        int[] values = new int[3];
        String[] names = {"smoothingSteps", "threshold", "refractorySteps"};
        for (int i = 0; i < names.length; i++) {
            values[i] = RecordCodec.intValue(RecordCodec.member(object, names[i], DETECTOR), DETECTOR + "."
                    + names[i]);
        }
        try {
            int threshold = version == DETECTOR_SECTION_POSTERIOR ? KeywordScore.ofPosterior(values[1]) : values[1];
            return new DetectionSettings(values[0], threshold, values[2]);
        } catch (IllegalArgumentException e) {
            throw new RecordCodec.MalformedModelException(DETECTOR + ": " + e.getMessage());
        }
    }

    private static JsonElement field(JsonObject header, String name) throws RecordCodec.MalformedModelException {
        JsonElement value = header.get(name);
        if (value == null || value.isJsonNull()) {
            throw new RecordCodec.MalformedModelException(name + " is missing");
        }
        return value;
    }

    private static JsonArray array(JsonObject header, String name) throws RecordCodec.MalformedModelException {
        JsonElement value = field(header, name);
        if (!value.isJsonArray()) {
            throw new RecordCodec.MalformedModelException(name + " should be a list, got " + value);
        }
        return value.getAsJsonArray();
    }

    /**
     * The oldest format version that can express {@code model}: 2 if it has a {@link LastStepLayer}, else 1.
     * Writing the oldest sufficient version keeps files of attention models readable by version-1 tools, while a
     * version-1 reader refuses a file with a layer it does not know by its version, as the format promises.
     */
    public static int versionNeeded(QuantizedModel model) {
        return newestLayerType(model) == null ? 1 : 2;
    }

    private static String newestLayerType(QuantizedModel model) {
        for (Layer layer : model.layers()) {
            if (layer instanceof LastStepLayer) {
                return LastStepLayer.class.getSimpleName();
            }
        }
        return null;
    }

    private static byte[] le32(int value) {
        return ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(value).array();
    }
}
