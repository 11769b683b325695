package dev.hark.sim;

import dev.hark.sim.GoldenVectors.CaseCheck;
import java.util.Objects;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.TestFactory;

/**
 * A test class that checks every case of one golden file, in both rounding folders
 * ({@link GoldenVectors#casesOfBothFolders}): each kernel keeps its own test class, which names its file and how
 * one case is checked, and adds its own tests beside. Subclasses carry their group tag themselves (the base is
 * abstract, so it is in no group).
 */
public abstract class GoldenFileTest {
    private final String fileName;
    private final CaseCheck check;

    /**
     * @param fileName golden file name, present in both folders, e.g. {@code "fully_connected_s8.json"}
     * @param check    the per-case check; {@code rounding} is the one of the folder the case came from
     */
    protected GoldenFileTest(String fileName, CaseCheck check) {
        this.fileName = Objects.requireNonNull(fileName, "fileName");
        this.check = Objects.requireNonNull(check, "check");
    }

    @TestFactory
    protected Stream<DynamicContainer> matchesGoldenVectors() {
        return GoldenVectors.casesOfBothFolders(fileName, check);
    }
}
