package dev.hark.codegen.build;

/** Consistency checks between a layer and the tensor it receives, with one-line messages. */
final class Shapes {
    private Shapes() {
    }

    static void require(boolean ok, String layer, String problem) {
        if (!ok) {
            throw new IllegalArgumentException("layer " + layer + ": " + problem);
        }
    }

    static void requireInput(String layer, int expected, Activation input) {
        require(expected == input.size(), layer, "expects " + expected + " input values but the previous layer"
                + " produces " + input.size());
    }
}
