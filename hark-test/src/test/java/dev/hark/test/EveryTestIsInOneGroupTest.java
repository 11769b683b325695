package dev.hark.test;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.hark.testing.Fast;
import dev.hark.testing.TestGroups;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every test of this module is in exactly one of the groups fast, slow and qemu ({@link TestGroups}). */
@Fast
class EveryTestIsInOneGroupTest {
    @Test
    void everyTestOfThisModuleHasExactlyOneGroup() {
        assertEquals(List.of(), TestGroups.testsNotInExactlyOneGroup(EveryTestIsInOneGroupTest.class));
    }
}
