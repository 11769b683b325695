package dev.hark.trainer.data;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Plain English sentences that never hold a keyword: templates of word categories ("determiner adjective noun
 * verb ...") filled from the word list {@code sentence-words.txt}, after every word {@link KeywordLikeWords} finds
 * too like the keyword has been dropped. Sentence {@code i} under a seed is always the same text (its own
 * {@link Random} seeded from the seed and {@code i}), whatever else is asked for.
 */
public final class SentenceGenerator {
    static final String WORD_LIST = "sentence-words.txt";
    /** Sentence shapes, one category name per word. */
    static final List<String> TEMPLATES = List.of(
            "determiner adjective noun verb determiner noun preposition determiner noun",
            "name verb determiner adjective noun time",
            "pronoun intransitive preposition determiner adjective noun adverb",
            "determiner noun intransitive adverb conjunction name verb determiner noun",
            "time pronoun verb determiner noun preposition determiner noun",
            "name conjunction name intransitive preposition determiner noun time",
            "determiner adjective adjective noun intransitive preposition determiner noun",
            "pronoun adverb verb name's noun preposition determiner adjective noun");

    private final Map<String, List<String>> words;
    private final long seed;

    private SentenceGenerator(Map<String, List<String>> words, long seed) {
        this.words = words;
        this.seed = seed;
    }

    /**
     * @throws IllegalArgumentException if the keyword leaves a category without words
     */
    public static SentenceGenerator without(String keyword, long seed) {
        Map<String, List<String>> kept = new LinkedHashMap<>();
        for (Map.Entry<String, List<String>> category : wordList().entrySet()) {
            List<String> allowed = category.getValue().stream().filter(w -> !KeywordLikeWords.isLike(w, keyword))
                    .toList();
            if (allowed.isEmpty()) {
                throw new IllegalArgumentException("sentences: every " + category.getKey() + " of " + WORD_LIST
                        + " is too like '" + keyword + "'");
            }
            kept.put(category.getKey(), allowed);
        }
        return new SentenceGenerator(kept, seed);
    }

    /** Sentence {@code index}: lower-case words separated by single spaces. */
    public String sentence(int index) {
        Random r = new Random(Hashes.seed(seed, "sentence/" + index));
        String template = TEMPLATES.get(r.nextInt(TEMPLATES.size()));
        List<String> out = new ArrayList<>();
        for (String slot : template.split(" ")) {
            boolean possessive = slot.endsWith("'s");
            String category = possessive ? slot.substring(0, slot.length() - 2) : slot;
            List<String> choices = words.get(category);
            out.add(choices.get(r.nextInt(choices.size())) + (possessive ? "'s" : ""));
        }
        return String.join(" ", out);
    }

    /** Every word any sentence can hold. */
    public List<String> vocabulary() {
        return words.values().stream().flatMap(List::stream).distinct().toList();
    }

    static Map<String, List<String>> wordList() {
        Map<String, List<String>> categories = new LinkedHashMap<>();
        try (InputStream in = SentenceGenerator.class.getResourceAsStream(WORD_LIST)) {
            if (in == null) {
                throw new IllegalStateException(WORD_LIST + " is missing from the class path");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                String t = line.strip();
                if (t.isEmpty() || t.startsWith("#")) {
                    continue;
                }
                int colon = t.indexOf(':');
                categories.put(t.substring(0, colon).strip(), List.of(t.substring(colon + 1).strip().split("\\s+")));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(WORD_LIST + ": cannot be read", e);
        }
        return categories;
    }
}
