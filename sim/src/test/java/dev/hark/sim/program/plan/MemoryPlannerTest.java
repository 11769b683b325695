package dev.hark.sim.program.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hark.testing.Fast;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

@Fast
class MemoryPlannerTest {
    private static final int ALIGNMENT = 16;

    @Test
    void greedyPlansHaveNoOverlapsAndNeverExceedTheLinearBaseline() {
        Random random = new Random(1);
        for (int trial = 0; trial < 500; trial++) {
            List<BufferRequest> requests = randomRequests(random, 1 + random.nextInt(20));
            MemoryPlan greedy = new GreedyMemoryPlanner(ALIGNMENT).plan(requests);
            MemoryPlan linear = new LinearMemoryPlanner(ALIGNMENT).plan(requests);
            assertEquals(List.of(), greedy.problems(), () -> "trial " + requests);
            assertEquals(List.of(), linear.problems());
            assertTrue(greedy.peakBytes() <= linear.peakBytes(), () -> greedy.toTable() + linear.toTable());
            assertEquals(requests.size(), greedy.buffers().size());
            for (int i = 0; i < requests.size(); i++) {
                assertEquals(requests.get(i), greedy.buffers().get(i).request(), "plan keeps request order");
            }
        }
    }

    @Test
    void greedyPlanIsDeterministic() {
        List<BufferRequest> requests = randomRequests(new Random(2), 30);
        MemoryPlan first = new GreedyMemoryPlanner(ALIGNMENT).plan(requests);
        MemoryPlan second = new GreedyMemoryPlanner(ALIGNMENT).plan(new ArrayList<>(requests));
        assertEquals(first, second);
        assertEquals(first.toTable(), second.toTable());
    }

    @Test
    void buffersWithDisjointLifetimesShareMemory() {
        // A chain a -> b -> c: a and c never live together, so c reuses a's bytes.
        List<BufferRequest> chain = List.of(new BufferRequest("a", 100, 0, 1), new BufferRequest("b", 50, 1, 2),
                new BufferRequest("c", 100, 2, 3));
        MemoryPlan plan = new GreedyMemoryPlanner(ALIGNMENT).plan(chain);
        assertEquals(plan.get("a").offset(), plan.get("c").offset());
        assertEquals(112 + 50 + 14, plan.peakBytes(), plan.toTable());
        assertEquals(112 + 112 + 64, new LinearMemoryPlanner(ALIGNMENT).plan(chain).peakBytes());
    }

    @Test
    void smallBufferFillsAGapBetweenLargerOnes() {
        List<BufferRequest> requests = List.of(new BufferRequest("big1", 64, 0, 2),
                new BufferRequest("short", 64, 0, 0), new BufferRequest("big2", 64, 0, 2),
                new BufferRequest("late", 32, 1, 2));
        MemoryPlan plan = new GreedyMemoryPlanner(ALIGNMENT).plan(requests);
        assertEquals(192, plan.peakBytes(), plan.toTable());
        assertEquals(plan.get("short").offset(), plan.get("late").offset(), "late reuses the gap short left");
    }

    @Test
    void offsetsAreAligned() {
        MemoryPlan plan = new GreedyMemoryPlanner(8).plan(List.of(new BufferRequest("a", 3, 0, 1),
                new BufferRequest("b", 5, 0, 1), new BufferRequest("c", 9, 1, 1)));
        for (PlannedBuffer b : plan.buffers()) {
            assertEquals(0, b.offset() % 8, b.name());
        }
        assertEquals(0, plan.peakBytes() % 8);
    }

    @Test
    void overlapCheckFindsLiveBuffersSharingBytes() {
        BufferRequest a = new BufferRequest("a", 32, 0, 2);
        BufferRequest b = new BufferRequest("b", 32, 1, 3);
        MemoryPlan broken = new MemoryPlan("hand-made", ALIGNMENT,
                List.of(new PlannedBuffer(a, 0), new PlannedBuffer(b, 16)), 48);
        List<String> problems = broken.problems();
        assertEquals(1, problems.size());
        assertTrue(problems.get(0).contains("a [0, 32) overlaps b [16, 48)"), problems.get(0));
        IllegalStateException e = assertThrows(IllegalStateException.class, broken::requireValid);
        assertTrue(e.getMessage().contains("overlaps"));
    }

    @Test
    void overlapCheckAcceptsSharedBytesOfBuffersThatAreNeverLiveTogether() {
        MemoryPlan shared = new MemoryPlan("hand-made", ALIGNMENT, List.of(
                new PlannedBuffer(new BufferRequest("a", 32, 0, 1), 0),
                new PlannedBuffer(new BufferRequest("b", 32, 2, 3), 0)), 32);
        assertEquals(List.of(), shared.problems());
    }

    @Test
    void rejectsDuplicateNamesAndBadRequests() {
        List<BufferRequest> twice = List.of(new BufferRequest("x", 1, 0, 0), new BufferRequest("x", 1, 1, 1));
        assertThrows(IllegalArgumentException.class, () -> new GreedyMemoryPlanner(ALIGNMENT).plan(twice));
        assertThrows(IllegalArgumentException.class, () -> new BufferRequest("x", 0, 0, 0));
        assertThrows(IllegalArgumentException.class, () -> new BufferRequest("x", 1, 2, 1));
        assertThrows(IllegalArgumentException.class, () -> new GreedyMemoryPlanner(12));
    }

    @Test
    void tableListsEveryBufferAndTheArenaSize() {
        MemoryPlan plan = new GreedyMemoryPlanner(ALIGNMENT).plan(List.of(new BufferRequest("conv_output", 70, 0, 1),
                new BufferRequest("gru1_output", 56, 1, 2)));
        String table = plan.toTable();
        assertTrue(table.startsWith("buffer      "), table);
        assertTrue(table.contains("conv_output         0        70        70  0..1"), table);
        assertTrue(table.endsWith("arena: " + plan.peakBytes() + " bytes (greedy plan, 16-byte aligned)\n"), table);
        assertFalse(table.contains("\r"));
    }

    private static List<BufferRequest> randomRequests(Random random, int count) {
        List<BufferRequest> requests = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            int first = random.nextInt(12);
            requests.add(new BufferRequest("b" + i, 1 + random.nextInt(300), first, first + random.nextInt(5)));
        }
        return requests;
    }
}
