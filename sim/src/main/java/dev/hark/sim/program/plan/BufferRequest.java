package dev.hark.sim.program.plan;

/**
 * One buffer the network needs in its arena: how many bytes, and during which steps it holds live data.
 *
 * <p>Steps are the positions of kernel calls in execution order. A buffer is live from {@code firstUse} to
 * {@code lastUse} inclusive, so a buffer written by step {@code k} never shares memory with a buffer read by the
 * same step: kernels may assume their input and output do not alias.
 *
 * @param name     a unique name, used in the printed plan and the generated C
 * @param size     bytes, at least 1
 * @param firstUse the step that first writes it, at least 0
 * @param lastUse  the step that last reads it, at least {@code firstUse}
 */
public record BufferRequest(String name, int size, int firstUse, int lastUse) {
    public BufferRequest {
        if (name == null || name.isEmpty()) {
            throw new IllegalArgumentException("a buffer needs a name");
        }
        if (size < 1) {
            throw new IllegalArgumentException("buffer " + name + ": size " + size + " is not positive");
        }
        if (firstUse < 0 || lastUse < firstUse) {
            throw new IllegalArgumentException("buffer " + name + ": lifetime [" + firstUse + ", " + lastUse
                    + "] is not a valid step range");
        }
    }

    /** True when both buffers hold live data during at least one common step. */
    public boolean livesAlongside(BufferRequest other) {
        return firstUse <= other.lastUse && other.firstUse <= lastUse;
    }
}
