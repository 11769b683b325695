package dev.hark.trainer.model;

import java.util.Properties;
import java.util.function.Function;

/**
 * Typed reads from {@link Properties} with one-line errors naming the source and the key, for the files a model
 * is saved in.
 *
 * @param properties what was read
 * @param source     where it was read from (a file), for the messages
 */
public record PropertyReader(Properties properties, String source) {

    /**
     * The trimmed value of {@code key}.
     *
     * @throws IllegalArgumentException if it is missing
     */
    public String raw(String key) {
        String v = properties.getProperty(key);
        if (v == null) {
            throw new IllegalArgumentException(source + ": missing property " + key);
        }
        return v.trim();
    }

    /** @throws IllegalArgumentException if {@code key} is missing or not an integer */
    public int integer(String key) {
        return parsed(key, Integer::valueOf, "an integer");
    }

    /** @throws IllegalArgumentException if {@code key} is missing or not a number */
    public float real(String key) {
        return parsed(key, Float::valueOf, "a number");
    }

    /** @throws IllegalArgumentException if {@code key} is missing or neither {@code true} nor {@code false} */
    public boolean bool(String key) {
        String v = raw(key);
        if (!v.equals("true") && !v.equals("false")) {
            throw new IllegalArgumentException(source + ": property " + key + " is not true/false: " + v);
        }
        return Boolean.parseBoolean(v);
    }

    private <T> T parsed(String key, Function<String, T> parse, String kind) {
        String v = raw(key);
        try {
            return parse.apply(v);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(source + ": property " + key + " is not " + kind + ": " + v);
        }
    }
}
