package dev.hark.trainer.quant;

import dev.hark.sim.model.TensorQuant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Which {@link CalibrationMethod} each calibrated tensor uses: a default for all, and overrides by tensor-name
 * pattern ({@code *} matches any run of characters, e.g. {@code gru*.gh_*}); the first matching pattern wins.
 *
 * <p>Text form (CLI): comma-separated, the default first, then {@code pattern=method}; a percentile may carry its
 * value after a colon, e.g. {@code kl,conv=minmax,gru*.pre_*=percentile:99.9}. The percentile (default
 * {@value #DEFAULT_PERCENTILE}) is one value for the whole plan; the last one given wins.
 *
 * @param defaultMethod the method of every tensor no pattern matches
 * @param overrides     pattern -> method, in priority order
 * @param percentile    the percentile {@link CalibrationMethod#PERCENTILE} clips each tail at, in (50, 100]
 */
public record CalibrationPlan(CalibrationMethod defaultMethod, Map<String, CalibrationMethod> overrides,
                              double percentile) {
    public static final double DEFAULT_PERCENTILE = 99.99;

    public CalibrationPlan {
        if (!(percentile > 50 && percentile <= 100)) {
            throw new IllegalArgumentException("calibration percentile " + percentile + " must be in (50, 100]");
        }
        overrides = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(overrides));
    }

    /** One method for every tensor, with the default percentile. */
    public static CalibrationPlan of(CalibrationMethod method) {
        return new CalibrationPlan(method, Map.of(), DEFAULT_PERCENTILE);
    }

    /** Min-max everywhere: what hark did before there was a choice. */
    public static CalibrationPlan minMax() {
        return of(CalibrationMethod.MINMAX);
    }

    /**
     * Reads the text form (see the class comment).
     *
     * @throws IllegalArgumentException with a one-line message naming the bad part
     */
    public static CalibrationPlan parse(String text) {
        String[] parts = text.split(",");
        CalibrationMethod defaultMethod = null;
        double percentile = DEFAULT_PERCENTILE;
        Map<String, CalibrationMethod> overrides = new LinkedHashMap<>();
        for (int i = 0; i < parts.length; i++) {
            String part = parts[i].trim();
            String pattern = null;
            int eq = part.indexOf('=');
            if (eq >= 0) {
                pattern = part.substring(0, eq).trim();
                part = part.substring(eq + 1).trim();
                if (pattern.isEmpty()) {
                    throw new IllegalArgumentException("calibration plan '" + text + "': empty tensor pattern");
                }
            } else if (i > 0) {
                throw new IllegalArgumentException("calibration plan '" + text + "': '" + part
                        + "' needs the form pattern=method (only the first entry is the default)");
            }
            int colon = part.indexOf(':');
            CalibrationMethod method = CalibrationMethod.parse(colon >= 0 ? part.substring(0, colon) : part);
            if (colon >= 0) {
                if (method != CalibrationMethod.PERCENTILE) {
                    throw new IllegalArgumentException("calibration plan '" + text + "': only percentile takes a"
                            + " value");
                }
                try {
                    percentile = Double.parseDouble(part.substring(colon + 1));
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("calibration plan '" + text + "': bad percentile '"
                            + part.substring(colon + 1) + "'");
                }
            }
            if (pattern == null) {
                defaultMethod = method;
            } else {
                overrides.put(pattern, method);
            }
        }
        return new CalibrationPlan(defaultMethod, overrides, percentile);
    }

    /** The method for one tensor: the first matching override, else the default. */
    public CalibrationMethod methodFor(String tensor) {
        for (Map.Entry<String, CalibrationMethod> e : overrides.entrySet()) {
            if (glob(e.getKey()).matcher(tensor).matches()) {
                return e.getValue();
            }
        }
        return defaultMethod;
    }

    /** The clipping window of one tensor under this plan. */
    public Clipping.Window window(Calibration calibration, String tensor) {
        Range range = calibration.range(tensor);
        return switch (methodFor(tensor)) {
            case MINMAX -> Clipping.minMax(range);
            case PERCENTILE -> Clipping.percentile(range, calibration.histogram(tensor), percentile);
            case KL -> Clipping.entropy(range, calibration.histogram(tensor));
        };
    }

    /** The grids this plan gives the calibrated tensors of {@code calibration}. */
    public ActivationGrids grids(Calibration calibration) {
        return tensor -> {
            Clipping.Window w = window(calibration, tensor);
            return WeightQuantizer.activation(w.lo(), w.hi());
        };
    }

    /** The text form, readable by {@link #parse}. */
    @Override
    public String toString() {
        StringBuilder s = new StringBuilder(label(defaultMethod));
        overrides.forEach((p, m) -> s.append(',').append(p).append('=').append(label(m)));
        return s.toString();
    }

    private String label(CalibrationMethod m) {
        return m == CalibrationMethod.PERCENTILE
                ? m.label() + ":" + String.format(Locale.ROOT, "%s", percentile) : m.label();
    }

    private static Pattern glob(String pattern) {
        java.util.List<String> quoted = new java.util.ArrayList<>();
        for (String piece : pattern.split("\\*", -1)) {
            quoted.add(Pattern.quote(piece));
        }
        return Pattern.compile(String.join(".*", quoted));
    }
}
