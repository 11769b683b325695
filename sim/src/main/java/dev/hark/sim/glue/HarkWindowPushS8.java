package dev.hark.sim.glue;

/**
 * {@code hark_window_push_s8}: drops the oldest slot of a window {@code [slots][slotSize]} (oldest first), moves
 * the others one slot towards the front and writes {@code input} into the last slot.
 */
public final class HarkWindowPushS8 {
    private HarkWindowPushS8() {
    }

    public static void run(byte[] window, int slotSize, int slots, byte[] input) {
        int kept = (slots - 1) * slotSize;
        System.arraycopy(window, slotSize, window, 0, kept);
        System.arraycopy(input, 0, window, kept, slotSize);
    }
}
