package dev.hark.firmware;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The CMSIS-NN a firmware is built against: hark's portable subset ({@code cmsis-nn-portable/}, part of the C
 * runtime) or a checkout of ARM's library named by the user. The choice is always explicit: the Makefile's
 * {@code CMSIS_NN_DIR} is set on make's command line for every build ({@link #makeVariable()}), so the environment
 * variable of that name, which make would otherwise pick up silently, never decides; {@link
 * #environmentDisagreement} says when it would have chosen otherwise.
 *
 * @param cmsisNnDirectory the checkout (absolute, normalized), or empty for the portable subset
 */
public record KernelLibrary(Optional<Path> cmsisNnDirectory) {
    /** The Makefile variable, and the environment variable make would take it from. */
    public static final String MAKE_VARIABLE = "CMSIS_NN_DIR";

    /** The runtime folder that holds the portable subset, left out when a checkout is used. */
    static final String PORTABLE_FOLDER = "cmsis-nn-portable";

    /** The header every CMSIS-NN checkout has, as the Makefile checks it. */
    private static final String MARKER = "Include/arm_nnfunctions.h";

    public KernelLibrary {
        cmsisNnDirectory = cmsisNnDirectory.map(dir -> dir.toAbsolutePath().normalize());
    }

    /** hark's portable subset. */
    public static KernelLibrary portable() {
        return new KernelLibrary(Optional.empty());
    }

    /**
     * ARM's library in {@code checkout}.
     *
     * @throws IllegalArgumentException naming the folder, if it is not a CMSIS-NN checkout
     */
    public static KernelLibrary cmsisNn(Path checkout) {
        if (!Files.isRegularFile(checkout.resolve(MARKER))) {
            throw new IllegalArgumentException(checkout + " is not a CMSIS-NN checkout: " + MARKER + " is missing");
        }
        return new KernelLibrary(Optional.of(checkout));
    }

    /** {@link #cmsisNn} for a folder, {@link #portable} for null. */
    public static KernelLibrary of(Path checkoutOrNull) {
        return checkoutOrNull == null ? portable() : cmsisNn(checkoutOrNull);
    }

    public boolean isPortable() {
        return cmsisNnDirectory.isEmpty();
    }

    /** The folders of {@link FirmwareTemplate#RUNTIME_FOLDERS} a firmware built against this library links. */
    public List<String> runtimeFolders() {
        return FirmwareTemplate.RUNTIME_FOLDERS.stream()
                .filter(folder -> isPortable() || !folder.equals(PORTABLE_FOLDER)).toList();
    }

    /** The Makefile variable for make's command line; empty for the portable subset. */
    public String makeVariable() {
        return MAKE_VARIABLE + "=" + cmsisNnDirectory.map(Path::toString).orElse("");
    }

    /**
     * What a user reads on the environment variable {@value #MAKE_VARIABLE} when it names another library than
     * this one: a build ignores it.
     *
     * @param environment the environment variables, e.g. {@code System.getenv()}
     * @return one sentence, or empty when the variable is unset, empty, or names this library's folder
     */
    public Optional<String> environmentDisagreement(Map<String, String> environment) {
        String value = environment.get(MAKE_VARIABLE);
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        if (cmsisNnDirectory.isPresent() && sameFolder(Path.of(value), cmsisNnDirectory.get())) {
            return Optional.empty();
        }
        return Optional.of("the environment variable " + MAKE_VARIABLE + "=" + value + " is ignored: this build uses "
                + this);
    }

    private static boolean sameFolder(Path a, Path b) {
        try {
            return Files.isSameFile(a, b);
        } catch (IOException e) {
            return a.toAbsolutePath().normalize().equals(b.toAbsolutePath().normalize());
        }
    }

    /** E.g. "the portable CMSIS-NN subset" or "CMSIS-NN at /opt/CMSIS-NN". */
    @Override
    public String toString() {
        return cmsisNnDirectory.map(dir -> "CMSIS-NN at " + dir).orElse("the portable CMSIS-NN subset");
    }
}
