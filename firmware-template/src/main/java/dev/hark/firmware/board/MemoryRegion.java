package dev.hark.firmware.board;

import java.util.Locale;

/** A board's memory: where it starts and how many bytes it holds. */
public record MemoryRegion(long origin, long size) {

    public MemoryRegion {
        if (origin < 0 || size <= 0 || origin + size > 0x1_0000_0000L) {
            throw new IllegalArgumentException("not a region of the 32-bit address space: origin " + origin
                    + ", size " + size);
        }
    }

    /** E.g. {@code 128 KB at 0x20000000}. */
    @Override
    public String toString() {
        return BoardProperties.formatSize(size) + " at " + String.format(Locale.ROOT, "0x%08x", origin);
    }
}
