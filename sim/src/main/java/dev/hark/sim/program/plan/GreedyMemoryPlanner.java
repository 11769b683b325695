package dev.hark.sim.program.plan;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Greedy-by-size arena planning (the algorithm TensorFlow Lite Micro's {@code GreedyMemoryPlanner} uses).
 *
 * <p>Buffers are placed one by one, largest first (ties: earlier first use, then name, so the plan is
 * deterministic). Each buffer goes to the lowest aligned offset where it does not share a byte with any
 * already placed buffer whose lifetime overlaps its own; buffers that are never live at the same time may share
 * memory. Placing big buffers first keeps small ones from fragmenting the low addresses.
 *
 * <p>This is a heuristic, not an optimum: finding the smallest arena is NP-hard in general (it is a form of
 * dynamic storage allocation), and an order other than by size can beat this one on some networks. What it
 * does guarantee is that its peak never exceeds {@link LinearMemoryPlanner}'s, because the offset it picks is at
 * most the sum of the aligned sizes placed before it. Cost: O(n^2 log n) for n buffers, trivial here.
 */
public final class GreedyMemoryPlanner implements MemoryPlanner {
    private static final Comparator<BufferRequest> LARGEST_FIRST = Comparator
            .comparingInt(BufferRequest::size).reversed()
            .thenComparingInt(BufferRequest::firstUse)
            .thenComparing(BufferRequest::name);

    private final int alignment;

    /** @param alignment offset alignment in bytes, a power of two */
    public GreedyMemoryPlanner(int alignment) {
        this.alignment = Alignment.check(alignment);
    }

    @Override
    public MemoryPlan plan(List<BufferRequest> requests) {
        List<BufferRequest> bySize = new ArrayList<>(requests);
        bySize.sort(LARGEST_FIRST);
        List<PlannedBuffer> placed = new ArrayList<>();
        for (BufferRequest request : bySize) {
            placed.add(new PlannedBuffer(request, lowestFreeOffset(request, placed)));
        }
        // Report in request order, which is the order the generated code declares the buffers in.
        List<PlannedBuffer> inRequestOrder = new ArrayList<>();
        for (BufferRequest request : requests) {
            for (PlannedBuffer p : placed) {
                if (p.request() == request) {
                    inRequestOrder.add(p);
                    break;
                }
            }
        }
        return MemoryPlan.of("greedy", alignment, inRequestOrder);
    }

    /** Walks the live neighbours in address order and returns the first aligned gap large enough. */
    private int lowestFreeOffset(BufferRequest request, List<PlannedBuffer> placed) {
        List<PlannedBuffer> conflicts = new ArrayList<>();
        for (PlannedBuffer p : placed) {
            if (p.request().livesAlongside(request)) {
                conflicts.add(p);
            }
        }
        conflicts.sort(Comparator.comparingInt(PlannedBuffer::offset));
        int candidate = 0;
        for (PlannedBuffer p : conflicts) {
            if (candidate + request.size() <= p.offset()) {
                break;
            }
            candidate = Math.max(candidate, Alignment.up(p.end(), alignment));
        }
        return candidate;
    }
}
