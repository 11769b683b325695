package dev.hark.config;

import java.util.Locale;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

/**
 * The one rule that names a setting on each front end. A command-line option {@code --words-like-this} is the
 * Maven plugin parameter {@code wordsLikeThis} and the user property {@code hark.wordsLikeThis}, except for the
 * options in {@link #EXCEPTIONS}, whose plugin names follow Maven's conventions instead:
 *
 * <table>
 *   <caption>Exceptions to the rule</caption>
 *   <tr><th>option</th><th>parameter</th><th>why</th></tr>
 *   <tr><td>{@code --out}</td><td>{@code outputDirectory}</td><td>Maven's name for where a goal writes</td></tr>
 *   <tr><td>{@code --cmsis-nn}</td><td>{@code cmsisNnDirectory}</td><td>a parameter names what it holds</td></tr>
 *   <tr><td>{@code --work}</td><td>{@code workspace}</td><td>a parameter names what it holds</td></tr>
 * </table>
 */
public final class SettingNames {
    /** Command-line long option to plugin parameter, where the rule does not apply. */
    public static final Map<String, String> EXCEPTIONS = Map.of(
            "--out", "outputDirectory",
            "--cmsis-nn", "cmsisNnDirectory",
            "--work", "workspace");

    /** The prefix of every user property the plugin reads. */
    public static final String PROPERTY_PREFIX = "hark.";

    private static final Map<String, String> EXCEPTIONS_BY_PARAMETER = EXCEPTIONS.entrySet().stream()
            .collect(Collectors.toUnmodifiableMap(Map.Entry::getValue, Map.Entry::getKey));

    private SettingNames() {
    }

    /**
     * @param longOption a long option with its dashes, e.g. {@code --no-comments}
     * @return the plugin parameter, e.g. {@code noComments}
     * @throws IllegalArgumentException if {@code longOption} is not {@code --} and lower-case words joined by dashes
     */
    public static String parameter(String longOption) {
        return renamed(longOption, EXCEPTIONS, "--[a-z0-9]+(-[a-z0-9]+)*",
                "a long option of lower-case words joined by dashes", option -> {
                    StringBuilder camel = new StringBuilder();
                    boolean upper = false;
                    for (char c : option.substring(2).toCharArray()) {
                        if (c == '-') {
                            upper = true;
                        } else {
                            camel.append(upper ? Character.toUpperCase(c) : c);
                            upper = false;
                        }
                    }
                    return camel.toString();
                });
    }

    /**
     * The inverse of {@link #parameter}.
     *
     * @param parameter a plugin parameter, e.g. {@code noComments}
     * @return the long option, e.g. {@code --no-comments}
     * @throws IllegalArgumentException if {@code parameter} is not a camel-case name
     */
    public static String longOption(String parameter) {
        return renamed(parameter, EXCEPTIONS_BY_PARAMETER, "[a-z][a-z0-9]*([A-Z][a-z0-9]*)*",
                "a camel-case parameter name",
                name -> "--" + name.replaceAll("([A-Z])", "-$1").toLowerCase(Locale.ROOT));
    }

    /**
     * The name on the other front end: the exception's, or else the rule's for a name of the rule's form.
     *
     * @param form what a name of {@code pattern} is, for the message
     * @throws IllegalArgumentException if {@code name} is neither an exception nor of {@code pattern}
     */
    private static String renamed(String name, Map<String, String> exceptions, String pattern, String form,
                                  UnaryOperator<String> rule) {
        String exception = exceptions.get(name);
        if (exception != null) {
            return exception;
        }
        if (!name.matches(pattern)) {
            throw new IllegalArgumentException("not " + form + ": " + name);
        }
        return rule.apply(name);
    }

    /** The user property of a plugin parameter, e.g. {@code hark.noComments}. */
    public static String property(String parameter) {
        return PROPERTY_PREFIX + parameter;
    }
}
