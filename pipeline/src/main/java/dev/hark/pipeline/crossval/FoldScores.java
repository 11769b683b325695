package dev.hark.pipeline.crossval;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every model's float and int8 keyword score of each clip one fold tested, under one training seed: what a fold
 * leaves behind once all its models are trained, kept as CSV ({@code clip,label,<model> float,<model> int8,...}) so
 * that a rerun reads it instead of scoring again. Scores are written as {@link Float#toString} writes them, which
 * reads back as the same float.
 *
 * @param clips  the clips' ids, in the fold's test order
 * @param labels 1 for a keyword clip
 * @param scores per model name, its float scores and its int8 scores
 */
public record FoldScores(List<String> clips, int[] labels, Map<String, ModelScores> scores) {
    /** One model's scores of the fold's clips. */
    public record ModelScores(float[] floatScores, float[] int8Scores) {
    }

    public FoldScores {
        clips = List.copyOf(clips);
        scores = Collections.unmodifiableMap(new LinkedHashMap<>(scores)); // in the columns' order when read
    }

    /**
     * @param models the models' names, in the columns' order
     * @throws IllegalArgumentException if a clip id holds a comma, a quote or a line break (the file has no quoting)
     */
    public String csv(List<String> models) {
        StringBuilder csv = new StringBuilder(header(models)).append('\n');
        for (int i = 0; i < clips.size(); i++) {
            String clip = clips.get(i);
            if (clip.matches(".*[,\"\\n\\r].*")) {
                throw new IllegalArgumentException("clip id '" + clip + "' holds a comma, quote or line break");
            }
            csv.append(clip).append(',').append(labels[i]);
            for (String m : models) {
                ModelScores s = scores.get(m);
                csv.append(',').append(s.floatScores()[i]).append(',').append(s.int8Scores()[i]);
            }
            csv.append('\n');
        }
        return csv.toString();
    }

    /**
     * Reads a file {@link #csv} wrote, with whatever models its columns hold (a workspace that gained rows keeps
     * the older models' columns beside the newer ones).
     *
     * @throws IOException naming the file and line when the header is not clip, label and a float and an int8
     *                     column per model, or a field is malformed
     */
    public static FoldScores read(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file);
        List<String> models = lines.isEmpty() ? List.of() : models(lines.get(0));
        if (lines.isEmpty() || !lines.get(0).equals(header(models))) {
            throw new IOException(file + ": line 1: the columns are not 'clip,label' and '<model> float,<model> "
                    + "int8' for each model; delete the file to score the fold again");
        }
        int n = lines.size() - 1;
        List<String> clips = new ArrayList<>(n);
        int[] labels = new int[n];
        float[][] columns = new float[2 * models.size()][n];
        for (int i = 0; i < n; i++) {
            String[] fields = lines.get(i + 1).split(",", -1);
            if (fields.length != 2 + columns.length) {
                throw new IOException(file + ": line " + (i + 2) + ": " + (2 + columns.length) + " fields expected, "
                        + "found " + fields.length);
            }
            clips.add(fields[0]);
            try {
                labels[i] = Integer.parseInt(fields[1]);
                for (int c = 0; c < columns.length; c++) {
                    columns[c][i] = Float.parseFloat(fields[2 + c]);
                }
            } catch (NumberFormatException e) {
                throw new IOException(file + ": line " + (i + 2) + ": not a number: " + e.getMessage(), e);
            }
        }
        Map<String, ModelScores> scores = new LinkedHashMap<>();
        for (int m = 0; m < models.size(); m++) {
            scores.put(models.get(m), new ModelScores(columns[2 * m], columns[2 * m + 1]));
        }
        return new FoldScores(clips, labels, scores);
    }

    /** The models a header names, from its float columns; {@link #header} of them gives the header back if it is one. */
    private static List<String> models(String header) {
        List<String> models = new ArrayList<>();
        String[] columns = header.split(",", -1);
        for (int c = 2; c < columns.length; c += 2) {
            models.add(columns[c].endsWith(" float") ? columns[c].substring(0, columns[c].length() - 6) : columns[c]);
        }
        return models;
    }

    private static String header(List<String> models) {
        StringBuilder header = new StringBuilder("clip,label");
        models.forEach(m -> header.append(',').append(m).append(" float,").append(m).append(" int8"));
        return header.toString();
    }
}
