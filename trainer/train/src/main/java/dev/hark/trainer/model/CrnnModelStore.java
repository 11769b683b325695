package dev.hark.trainer.model;

import ai.djl.MalformedModelException;
import ai.djl.Model;
import dev.hark.sim.io.AtomicFiles;
import dev.hark.sim.io.Checksums;
import dev.hark.sim.model.TensorQuant;
import dev.hark.trainer.floatref.CrnnWeights;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Saves and loads a float CRNN as a directory: {@value #PROPERTIES_FILE} (the {@link CrnnConfig} and the int8
 * input quantization, sorted {@code key=value} lines) next to DJL's {@code crnn-NNNN.params} written by
 * {@link Model#save}.
 *
 * <p>Saving is all-or-nothing ({@link AtomicFiles#writeDirectory}): never a half-written model.
 */
public final class CrnnModelStore {
    /** The configuration file inside a model directory. */
    public static final String PROPERTIES_FILE = "crnn.properties";

    private CrnnModelStore() {
    }

    /**
     * Writes {@code model} to {@code dir}, replacing an earlier model there.
     *
     * @param inputQuant how the int8 features the model was trained on map to real values
     * @throws IOException if {@code dir} exists but is neither empty nor a model directory, or on I/O errors
     */
    public static void save(Model model, TensorQuant inputQuant, Path dir) throws IOException {
        CrnnConfig config = CrnnModels.block(model).config();
        Path target = dir.toAbsolutePath().normalize();
        if (Files.exists(target) && !isEmptyOrModel(target)) {
            throw new IOException(target + ": refusing to replace a directory that is not a hark model (no "
                    + PROPERTIES_FILE + ")");
        }
        AtomicFiles.writeDirectory(target, temp -> {
            model.save(temp, CrnnModels.MODEL_NAME);
            String checksums = parameterChecksums(temp);
            AtomicFiles.writeString(temp.resolve(PROPERTIES_FILE), propertiesText(config, inputQuant) + checksums);
        });
    }

    /**
     * Writes plain weights as a model directory, as {@link #save(Model, TensorQuant, Path)} writes a model.
     *
     * @throws IOException as that method does
     */
    public static void save(CrnnWeights weights, TensorQuant inputQuant, Path dir)
            throws IOException {
        try (Model model = CrnnModels.newModel(weights.config(), 0)) { // the initial parameters are all overwritten
            CrnnBlockWeights.write(model.getBlock(), weights);
            save(model, inputQuant, dir);
        }
    }

    /**
     * Reads a model written by {@link #save}. The caller owns the returned model and must close it.
     *
     * @throws IOException if the directory, its {@value #PROPERTIES_FILE} or its parameter file is missing or
     *                     malformed; the message names the file
     */
    public static SavedCrnn load(Path dir) throws IOException {
        Path properties = dir.resolve(PROPERTIES_FILE);
        if (!Files.isRegularFile(properties)) {
            throw new IOException(properties + ": no such file; " + dir + " is not a saved hark model");
        }
        Properties p = new Properties();
        try (Reader in = Files.newBufferedReader(properties, StandardCharsets.UTF_8)) {
            p.load(in);
        }
        CrnnConfig config;
        TensorQuant inputQuant;
        try {
            config = CrnnConfig.fromProperties(p, properties.toString());
            PropertyReader r = new PropertyReader(p, properties.toString());
            inputQuant = new TensorQuant(r.real("input.scale"), r.integer("input.zeroPoint"));
        } catch (IllegalArgumentException e) {
            throw new IOException(e.getMessage().startsWith(properties.toString()) ? e.getMessage()
                    : properties + ": " + e.getMessage(), e);
        }
        verifyParameterChecksums(dir, p, properties);
        Model model = CrnnModels.emptyModel(config);
        try {
            model.load(dir, CrnnModels.MODEL_NAME);
        } catch (IOException | MalformedModelException | RuntimeException e) {
            model.close();
            throw new IOException(dir + ": cannot read the " + CrnnModels.MODEL_NAME + "-*.params parameters: "
                    + e.getMessage(), e);
        }
        return new SavedCrnn(model, config, inputQuant);
    }

    private static String propertiesText(CrnnConfig config, TensorQuant inputQuant) {
        TreeMap<String, String> sorted = new TreeMap<>();
        config.toProperties().forEach((k, v) -> sorted.put((String) k, (String) v));
        sorted.put("input.scale", Float.toString(inputQuant.scale()));
        sorted.put("input.zeroPoint", Integer.toString(inputQuant.zeroPoint()));
        StringBuilder text = new StringBuilder("# hark float CRNN\n");
        sorted.forEach((k, v) -> text.append(k).append('=').append(v).append('\n'));
        return text.toString();
    }

    /**
     * One {@code sha256.<file>=<hex>} line per parameter file: DJL's own format has no checksum, and a
     * half-written or corrupted parameter file must be reported, never loaded.
     */
    private static String parameterChecksums(Path dir) throws IOException {
        StringBuilder lines = new StringBuilder();
        for (Path file : parameterFiles(dir)) {
            lines.append("sha256.").append(file.getFileName()).append('=').append(Checksums.sha256Hex(file))
                    .append('\n');
        }
        return lines.toString();
    }

    private static void verifyParameterChecksums(Path dir, Properties p, Path properties) throws IOException {
        List<Path> files = parameterFiles(dir);
        if (files.isEmpty()) {
            throw new IOException(dir + ": no " + CrnnModels.MODEL_NAME + "-*.params parameter file");
        }
        for (Path file : files) {
            String expected = p.getProperty("sha256." + file.getFileName());
            if (expected == null) {
                throw new IOException(properties + ": no checksum for " + file.getFileName()
                        + "; the model directory is incomplete");
            }
            if (!expected.equals(Checksums.sha256Hex(file))) {
                throw new IOException(file + ": checksum mismatch: the parameter file is corrupted or truncated");
            }
        }
    }

    private static List<Path> parameterFiles(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.getFileName().toString().startsWith(CrnnModels.MODEL_NAME + "-")
                    && f.getFileName().toString().endsWith(".params")).sorted().toList();
        }
    }

    private static boolean isEmptyOrModel(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return false;
        }
        if (Files.isRegularFile(dir.resolve(PROPERTIES_FILE))) {
            return true;
        }
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.findAny().isEmpty();
        }
    }
}
