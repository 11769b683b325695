package dev.hark.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * The fixtures beside the checkout, {@code ../shared} (golden vectors, real speech), as tests reach them: surefire
 * passes that folder as the system property {@value #PROPERTY}. A test whose fixture is missing is skipped with the
 * reason, except in continuous integration (environment variable {@code CI} set to {@code true}), where a skip
 * would hide that the check never ran: there it fails, naming the missing path.
 */
public final class SharedFolder {
    /** The system property naming the shared folder. */
    public static final String PROPERTY = "hark.shared.dir";
    /** The environment variable that marks a continuous-integration build when it is {@code true}. */
    public static final String CI = "CI";

    private SharedFolder() {
    }

    /**
     * {@code <shared folder>/relative}, which must exist; otherwise the calling test is skipped, or fails under
     * {@code CI=true}.
     *
     * @param relative a path inside the shared folder, e.g. {@code "data/speech-commands"}
     */
    public static Path require(String relative) {
        return require(relative, System.getProperty(PROPERTY), System.getenv());
    }

    /** Whether {@code <shared folder>/relative} exists, for code that decides before any test runs. */
    public static boolean isPresent(String relative) {
        return missing(relative, System.getProperty(PROPERTY)).isEmpty();
    }

    /**
     * {@link #require(String)} with the shared folder and the environment given.
     *
     * @param sharedDir   the value of {@value #PROPERTY}, or null when it is not set
     * @param environment the environment variables
     * @throws org.opentest4j.TestAbortedException  (a skip) when the path is missing outside CI
     * @throws org.opentest4j.AssertionFailedError when the path is missing and {@code CI=true}
     */
    static Path require(String relative, String sharedDir, Map<String, String> environment) {
        Optional<String> missing = missing(relative, sharedDir);
        if (missing.isEmpty()) {
            return Path.of(sharedDir, relative);
        }
        if ("true".equals(environment.get(CI))) {
            return Assertions.fail(missing.get() + "; with CI=true a test that needs the shared folder fails"
                    + " instead of skipping");
        }
        return Assumptions.abort("skipped: " + missing.get());
    }

    /** What is missing, or empty when {@code <sharedDir>/relative} exists. */
    private static Optional<String> missing(String relative, String sharedDir) {
        if (sharedDir == null || sharedDir.isBlank()) {
            return Optional.of("the shared folder ../shared/" + relative + " is unknown: system property " + PROPERTY
                    + " is not set");
        }
        Path path = Path.of(sharedDir, relative).toAbsolutePath().normalize();
        if (!Files.exists(path)) {
            return Optional.of(path + " does not exist (" + PROPERTY + "=" + sharedDir + ")");
        }
        return Optional.empty();
    }
}
