package dev.hark.trainer.train;

import dev.hark.sim.model.TensorQuant;
import dev.hark.trainer.model.CrnnConfig;
import dev.hark.trainer.model.RecordValues;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What identifies a training run in its checkpoints: the model configuration, the training options that shape
 * the result (not where progress goes), the input quantization, the objective's settings, and fingerprints of
 * the data (training set size and labels, a SHA-256 of the dev clips). Resuming with anything different would
 * not continue the same run, so it is refused with the first differing key.
 */
public final class RunSettings {
    /** The options' components that say where a run reports and keeps its checkpoints, not what it computes. */
    private static final Set<String> NOT_SHAPING = Set.of("progress", "runDirectory");

    private RunSettings() {
    }

    static Map<String, String> of(CrnnConfig config, TrainingOptions options, TensorQuant inputQuant,
                                  TrainingFeatures train, List<Example> dev, TrainingObjective objective) {
        Map<String, String> s = model(config, inputQuant);
        s.putAll(options(options));
        s.put("train.clips", Integer.toString(train.size()));
        s.put("train.labels.sha256", labelsDigest(train));
        s.put("dev.sha256", devDigest(dev));
        objective.settings().forEach((k, v) -> s.put("objective." + k, v));
        return s;
    }

    /**
     * The settings every run shares, to which a trainer adds its own: the model configuration ({@code model.*}) and
     * the input quantization ({@code input.*}).
     */
    public static Map<String, String> model(CrnnConfig config, TensorQuant inputQuant) {
        Map<String, String> s = new LinkedHashMap<>();
        new TreeMap<>(config.toProperties()).forEach((k, v) -> s.put("model." + k, v.toString()));
        s.put("input.scale", Float.toString(inputQuant.scale()));
        s.put("input.zeroPoint", Integer.toString(inputQuant.zeroPoint()));
        return s;
    }

    /**
     * A trainer's options as {@code options.<name>} settings: every component of the options record but where
     * progress goes and where checkpoints are kept, which do not shape the result.
     */
    public static Map<String, String> options(Record options) {
        Map<String, String> s = new LinkedHashMap<>();
        RecordValues.of(options).forEach((name, value) -> {
            if (!NOT_SHAPING.contains(name)) {
                s.put("options." + name, value);
            }
        });
        return s;
    }

    /** @throws CheckpointException naming the first key whose value differs */
    public static void requireSame(Path file, Map<String, String> stored, Map<String, String> current)
            throws CheckpointException {
        Set<String> keys = new TreeSet<>(stored.keySet());
        keys.addAll(current.keySet());
        for (String key : keys) {
            String was = stored.get(key);
            String now = current.get(key);
            if (was == null ? now != null : !was.equals(now)) {
                throw new CheckpointException(file, "written for a different run: " + key + " was " + was + ", now "
                        + now + "; use another run directory or delete this one");
            }
        }
    }

    private static String labelsDigest(TrainingFeatures train) {
        MessageDigest d = sha256();
        for (int i = 0; i < train.size(); i++) {
            d.update((byte) train.label(i));
        }
        return HexFormat.of().formatHex(d.digest());
    }

    private static String devDigest(List<Example> dev) {
        MessageDigest d = sha256();
        for (Example e : dev) {
            d.update((byte) e.label());
            d.update(e.features());
        }
        return HexFormat.of().formatHex(d.digest());
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JVM lacks SHA-256", e);
        }
    }
}
