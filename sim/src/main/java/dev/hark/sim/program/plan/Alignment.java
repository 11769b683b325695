package dev.hark.sim.program.plan;

/** Rounding byte offsets up to an alignment, shared by the planners. */
final class Alignment {
    private Alignment() {
    }

    static int check(int alignment) {
        if (alignment < 1 || Integer.bitCount(alignment) != 1) {
            throw new IllegalArgumentException("alignment " + alignment + " is not a power of two");
        }
        return alignment;
    }

    static int up(int offset, int alignment) {
        return (offset + alignment - 1) & -alignment;
    }
}
