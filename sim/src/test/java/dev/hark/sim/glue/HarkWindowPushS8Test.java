package dev.hark.sim.glue;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import dev.hark.testing.Fast;
import org.junit.jupiter.api.Test;

/** {@code hark_window_push_s8}: the window keeps its last slots in time order, oldest first. */
@Fast
class HarkWindowPushS8Test {
    @Test
    void theNewestSlotGoesLastAndTheOldestDrops() {
        byte[] window = {1, 2, 3, 4, 5, 6};
        HarkWindowPushS8.run(window, 2, 3, new byte[] {7, 8});
        assertArrayEquals(new byte[] {3, 4, 5, 6, 7, 8}, window);
        HarkWindowPushS8.run(window, 2, 3, new byte[] {9, 10});
        assertArrayEquals(new byte[] {5, 6, 7, 8, 9, 10}, window);
    }

    @Test
    void aWindowOfOneSlotHoldsTheNewest() {
        byte[] window = {1, 2};
        HarkWindowPushS8.run(window, 2, 1, new byte[] {3, 4});
        assertArrayEquals(new byte[] {3, 4}, window);
    }
}
