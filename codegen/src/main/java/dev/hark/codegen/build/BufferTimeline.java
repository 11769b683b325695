package dev.hark.codegen.build;

import dev.hark.sim.program.plan.BufferRequest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Numbers the kernel calls of the network in execution order and records, for each arena buffer, the first call
 * that writes it and the last call that reads it: the lifetimes the memory planner needs.
 */
final class BufferTimeline {
    private record Lifetime(int size, int firstUse, String description) {
    }

    private final Map<String, Lifetime> buffers = new LinkedHashMap<>();
    private final Map<String, Integer> lastUse = new LinkedHashMap<>();
    /** View name to the arena buffer it points into. */
    private final Map<String, String> views = new LinkedHashMap<>();
    private int steps;

    /** Starts the next kernel call and returns its step number. */
    int nextStep() {
        return steps++;
    }

    /** A new arena buffer first written by {@code step}. */
    Activation allocate(String name, int size, int step, String description) {
        if (buffers.containsKey(name)) {
            throw new IllegalStateException("arena buffer " + name + " is allocated twice");
        }
        buffers.put(name, new Lifetime(size, step, description));
        lastUse.put(name, step);
        return new Activation(name, size, true);
    }

    /**
     * A pointer named {@code name} into {@code base} (a part of it, {@code size} bytes): no memory of its own, but
     * every use of the view is a use of {@code base}, so {@code base} stays live as long as the view is read.
     */
    Activation view(String name, Activation base, int size) {
        if (buffers.containsKey(name) || views.containsKey(name)) {
            throw new IllegalStateException("arena name " + name + " is used twice");
        }
        if (base.inArena()) {
            views.put(name, views.getOrDefault(base.expression(), base.expression()));
        }
        return new Activation(name, size, base.inArena());
    }

    /** Records that {@code step} reads (or rewrites) {@code activation}; parameters of the function are ignored. */
    void use(Activation activation, int step) {
        if (activation.inArena()) {
            String name = activation.expression();
            lastUse.merge(views.getOrDefault(name, name), step, Math::max);
        }
    }

    List<BufferRequest> requests() {
        List<BufferRequest> requests = new ArrayList<>();
        buffers.forEach((name, life) -> requests.add(new BufferRequest(name, life.size(), life.firstUse(),
                lastUse.get(name))));
        return requests;
    }

    String description(String name) {
        return buffers.get(name).description();
    }
}
