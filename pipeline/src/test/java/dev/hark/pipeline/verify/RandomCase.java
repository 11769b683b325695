package dev.hark.pipeline.verify;

import dev.hark.codegen.CodeGenerator;
import dev.hark.codegen.CodegenConfig;
import dev.hark.sim.kernels.Rounding;
import dev.hark.sim.model.QuantizedModel;
import dev.hark.sim.net.NetworkSimulator;
import dev.hark.sim.net.StreamingNetwork;
import dev.hark.sim.net.Trace;
import dev.hark.trainer.model.CrnnConfig;
import dev.hark.trainer.quant.RandomModels;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Random;

/**
 * One case of the random-model run, a pure function of its fields: the model ({@link RandomModels#create} of the
 * shape, seed and rounding) and its inputs. A whole-clip case runs the named clips ({@link #CLIP_IDS}: two random
 * ones and the extremes that saturate every layer) through {@code hark_network_run}; a streaming case pushes
 * {@code frames} feature frames through {@code hark_network_step} with the attention window given (random frames,
 * a stretch at the minimum, one at the maximum, random again: the state carried between steps must recover).
 *
 * <p>Written as properties ({@link #toProperties}) a case is reproducible on its own; the shrinker makes smaller
 * cases by changing the fields.
 *
 * @param streaming       a streaming case (else whole clips)
 * @param attentionWindow steps the streaming attention pools over (ignored for whole clips)
 * @param clipIds         the whole-clip case's clips, a subset of {@link #CLIP_IDS} in that order
 * @param frames          the streaming case's frame count
 */
record RandomCase(long seed, CrnnConfig shape, Rounding rounding, boolean streaming, int attentionWindow,
                  List<String> clipIds, int frames) {
    static final List<String> CLIP_IDS = List.of("random-0", "random-1", "all-min", "all-max", "alternating");

    RandomCase {
        clipIds = List.copyOf(clipIds);
        if (!streaming && (clipIds.isEmpty() || !CLIP_IDS.containsAll(clipIds))) {
            throw new IllegalArgumentException("clips " + clipIds + ": expected some of " + CLIP_IDS);
        }
        if (streaming && (attentionWindow < 1 || frames < shape.frames())) {
            throw new IllegalArgumentException("a stream needs an attention window of at least 1 and at least "
                    + shape.frames() + " frames, got " + attentionWindow + " and " + frames);
        }
    }

    /**
     * The whole-clip and the streaming case of a seed: the shape drawn by
     * {@link RandomModelDifferentialTest#randomShape} from a {@link Random} of the seed, which then draws the
     * attention window (1 to 16 steps) and the stream's length (3 to 4 clips' worth of frames).
     */
    static List<RandomCase> ofSeed(long seed, Rounding rounding) {
        Random random = new Random(seed);
        CrnnConfig shape = RandomModelDifferentialTest.randomShape(random);
        int window = 1 + random.nextInt(16);
        int frames = 3 * shape.frames() + random.nextInt(shape.frames());
        return List.of(new RandomCase(seed, shape, rounding, false, window, CLIP_IDS, frames),
                new RandomCase(seed, shape, rounding, true, window, CLIP_IDS, frames));
    }

    /** The case's name in a batch and in file names: {@code case-<seed>-<single|double>-<whole|stream>}. */
    String name() {
        return "case-" + seed + "-" + rounding.name().toLowerCase(Locale.ROOT) + "-" + (streaming ? "stream" : "whole");
    }

    QuantizedModel model() {
        return RandomModels.create(shape, seed, rounding);
    }

    /** The records the firmware reads: the clips, or the stream's frames. */
    List<byte[]> records(QuantizedModel model) {
        if (streaming) {
            return streamFrames();
        }
        List<byte[]> all = RandomModelDifferentialTest.clips(model, seed);
        List<byte[]> chosen = new ArrayList<>();
        for (String id : clipIds) {
            chosen.add(all.get(CLIP_IDS.indexOf(id)));
        }
        return chosen;
    }

    /** Bytes per record: the network's input, or one frame. */
    int recordSize(QuantizedModel model) {
        return streaming ? shape.mels() : model.info().inputSize();
    }

    /** What the simulator traces for the records: a trace per clip, or per completed step. */
    List<Trace> simulate(QuantizedModel model, List<byte[]> records) {
        List<Trace> traces = new ArrayList<>();
        if (streaming) {
            StreamingNetwork network = new StreamingNetwork(model, attentionWindow);
            for (byte[] frame : records) {
                network.pushFrame(frame).ifPresent(traces::add);
            }
        } else {
            NetworkSimulator simulator = new NetworkSimulator(model);
            for (byte[] clip : records) {
                traces.add(simulator.run(clip));
            }
        }
        return traces;
    }

    /** The names of the runs in a report: the clips' ids, or {@code step <n>}. */
    List<String> runIds(int runs) {
        if (!streaming) {
            return clipIds;
        }
        List<String> ids = new ArrayList<>();
        for (int s = 0; s < runs; s++) {
            ids.add("step " + s);
        }
        return ids;
    }

    /** Writes the model's C (whole-clip or streaming) into {@code directory}. */
    void generate(QuantizedModel model, Path directory) throws IOException {
        CodegenConfig config = new CodegenConfig().withOutputDirectory(directory.toString());
        if (streaming) {
            CodeGenerator.generateStreaming(model, config, attentionWindow);
        } else {
            CodeGenerator.generate(model, config);
        }
    }

    /**
     * The stream: random frames, then a stretch at the minimum and one at the maximum (saturating every layer, and
     * testing that the state recovers), then random frames again; a function of the seed and the frame count.
     */
    private List<byte[]> streamFrames() {
        Random random = new Random(seed ^ 0x5EED_F4A3_E5L);
        List<byte[]> list = new ArrayList<>();
        for (int f = 0; f < frames; f++) {
            byte[] frame = new byte[shape.mels()];
            int phase = 4 * f / frames;
            for (int m = 0; m < frame.length; m++) {
                frame[m] = switch (phase) {
                    case 1 -> (byte) -128;
                    case 2 -> (byte) 127;
                    default -> (byte) (random.nextInt(256) - 128);
                };
            }
            list.add(frame);
        }
        return list;
    }

    /** One line for reports. */
    String describe() {
        return "seed " + seed + ", " + rounding.name().toLowerCase(Locale.ROOT) + " rounding, "
                + (streaming ? "stream of " + frames + " frames, attention window " + attentionWindow
                : "clips " + clipIds) + ", " + shape;
    }

    /** The case as properties ({@code case.*} and the shape's {@code crnn.*}), read back by {@link #parse}. */
    String toProperties() {
        Properties p = shape.toProperties();
        p.setProperty("case.seed", Long.toString(seed));
        p.setProperty("case.rounding", rounding.name().toLowerCase(Locale.ROOT));
        p.setProperty("case.kind", streaming ? "stream" : "whole");
        p.setProperty("case.attentionWindow", Integer.toString(attentionWindow));
        p.setProperty("case.clips", String.join(",", clipIds));
        p.setProperty("case.frames", Integer.toString(frames));
        StringWriter text = new StringWriter();
        try {
            p.store(text, "a random-model case: scripts/random-models --replay <this file> runs it again");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        // Properties.store writes the date first; dropping it keeps the file a function of the case.
        return text.toString().lines().filter(line -> !line.matches("#\\w{3} \\w{3} .*")).sorted()
                .reduce("", (a, b) -> a + b + "\n");
    }

    /**
     * @param source names the file in error messages
     * @throws IllegalArgumentException naming the source and the bad key
     */
    static RandomCase parse(String text, String source) {
        Properties p = new Properties();
        try {
            p.load(new StringReader(text));
        } catch (IOException | IllegalArgumentException e) {
            throw new IllegalArgumentException(source + ": not a properties file: " + e.getMessage(), e);
        }
        try {
            String kind = required(p, "case.kind", source);
            if (!kind.equals("stream") && !kind.equals("whole")) {
                throw new IllegalArgumentException(source + ": case.kind " + kind + ": expected whole or stream");
            }
            Rounding rounding = Rounding.valueOf(required(p, "case.rounding", source).toUpperCase(Locale.ROOT));
            return new RandomCase(Long.parseLong(required(p, "case.seed", source)),
                    CrnnConfig.fromProperties(p, source), rounding, kind.equals("stream"),
                    Integer.parseInt(required(p, "case.attentionWindow", source)),
                    Arrays.asList(required(p, "case.clips", source).split(",")),
                    Integer.parseInt(required(p, "case.frames", source)));
        } catch (IllegalArgumentException e) {
            throw e.getMessage() != null && e.getMessage().startsWith(source) ? e
                    : new IllegalArgumentException(source + ": " + e.getMessage(), e);
        }
    }

    private static String required(Properties p, String key, String source) {
        String value = p.getProperty(key);
        if (value == null) {
            throw new IllegalArgumentException(source + ": " + key + " is missing");
        }
        return value.strip();
    }
}
