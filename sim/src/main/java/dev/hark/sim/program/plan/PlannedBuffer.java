package dev.hark.sim.program.plan;

/**
 * A buffer placed in the arena: it occupies bytes {@code [offset, offset + size)}.
 *
 * @param request what was asked for
 * @param offset  byte offset from the start of the arena
 */
public record PlannedBuffer(BufferRequest request, int offset) {
    public PlannedBuffer {
        if (offset < 0) {
            throw new IllegalArgumentException("buffer " + request.name() + ": negative offset " + offset);
        }
    }

    public String name() {
        return request.name();
    }

    public int size() {
        return request.size();
    }

    /** First byte after the buffer. */
    public int end() {
        return offset + request.size();
    }

    /** True when the two buffers share at least one byte of the arena. */
    public boolean sharesBytesWith(PlannedBuffer other) {
        return offset < other.end() && other.offset < end();
    }
}
