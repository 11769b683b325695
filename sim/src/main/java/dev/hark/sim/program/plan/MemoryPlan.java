package dev.hark.sim.program.plan;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The outcome of planning: every buffer with its arena offset, and the arena size they need.
 *
 * @param planner   which planner made it ({@code greedy}, {@code linear}), for the printed plan
 * @param alignment offset alignment in bytes
 * @param buffers   the placed buffers in request order
 * @param peakBytes arena size: the highest buffer end, rounded up to {@code alignment}
 */
public record MemoryPlan(String planner, int alignment, List<PlannedBuffer> buffers, int peakBytes) {
    public MemoryPlan {
        buffers = List.copyOf(buffers);
    }

    static MemoryPlan of(String planner, int alignment, List<PlannedBuffer> buffers) {
        Set<String> names = new HashSet<>();
        int end = 0;
        for (PlannedBuffer b : buffers) {
            if (!names.add(b.name())) {
                throw new IllegalArgumentException("two buffers are named " + b.name());
            }
            end = Math.max(end, b.end());
        }
        return new MemoryPlan(planner, alignment, buffers, Alignment.up(end, alignment));
    }

    /** The placement of the buffer called {@code name}. */
    public PlannedBuffer get(String name) {
        for (PlannedBuffer b : buffers) {
            if (b.name().equals(name)) {
                return b;
            }
        }
        throw new IllegalArgumentException("the plan has no buffer named " + name);
    }

    /**
     * Every pair of buffers that are live at the same step and share bytes, or lie outside the arena or off the
     * alignment; a correct plan has none. Each problem is one line.
     */
    public List<String> problems() {
        List<String> problems = new ArrayList<>();
        for (int i = 0; i < buffers.size(); i++) {
            PlannedBuffer a = buffers.get(i);
            if (a.offset() % alignment != 0) {
                problems.add(a.name() + " at offset " + a.offset() + " is not " + alignment + "-byte aligned");
            }
            if (a.end() > peakBytes) {
                problems.add(a.name() + " ends at " + a.end() + ", beyond the arena of " + peakBytes + " bytes");
            }
            for (int j = i + 1; j < buffers.size(); j++) {
                PlannedBuffer b = buffers.get(j);
                if (a.request().livesAlongside(b.request()) && a.sharesBytesWith(b)) {
                    problems.add(a.name() + " [" + a.offset() + ", " + a.end() + ") overlaps " + b.name() + " ["
                            + b.offset() + ", " + b.end() + ") while both are live");
                }
            }
        }
        return problems;
    }

    /**
     * Throws if {@link #problems()} finds anything: a planner bug must never reach generated code.
     *
     * @return this plan
     * @throws IllegalStateException naming the first problem
     */
    public MemoryPlan requireValid() {
        List<String> problems = problems();
        if (!problems.isEmpty()) {
            throw new IllegalStateException("invalid " + planner + " memory plan: " + problems.get(0));
        }
        return this;
    }

    /**
     * The plan as a fixed-width text table, one buffer per line in request order, followed by the arena size.
     * Columns: name, offset, size, end, lifetime as {@code [first..last]} steps.
     */
    public String toTable() {
        int nameWidth = "buffer".length();
        for (PlannedBuffer b : buffers) {
            nameWidth = Math.max(nameWidth, b.name().length());
        }
        String row = "%-" + nameWidth + "s  %8s  %8s  %8s  %s\n";
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, row, "buffer", "offset", "size", "end", "steps"));
        for (PlannedBuffer b : buffers) {
            out.append(String.format(Locale.ROOT, row, b.name(), b.offset(), b.size(), b.end(),
                    b.request().firstUse() + ".." + b.request().lastUse()));
        }
        out.append(String.format(Locale.ROOT, "arena: %d bytes (%s plan, %d-byte aligned)\n", peakBytes, planner,
                alignment));
        return out.toString();
    }
}
