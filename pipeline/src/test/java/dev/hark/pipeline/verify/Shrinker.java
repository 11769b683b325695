package dev.hark.pipeline.verify;

import dev.hark.trainer.model.CrnnConfig;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * Shrinks a differing random-model case: fewer GRU layers, no attention, fewer channels and units, fewer classes,
 * a smaller input, smaller kernels and strides, fewer clips, a shorter stream, a shorter attention window, for as
 * long as the smaller case still differs. Each round tries every one-step reduction of the current case at once (one
 * batch image) and moves to the first, in the order above, that still differs; it ends when none does.
 */
final class Shrinker {
    /** Which of {@code candidates} still differ, in their order. */
    interface Check {
        List<Boolean> differ(List<RandomCase> candidates) throws IOException;
    }

    /** The shrunk case and the rounds it took. */
    record Shrunk(RandomCase shrunk, int rounds, int candidatesTried) {
    }

    private Shrinker() {
    }

    /** @param maxRounds the most rounds to run; each takes one batch build */
    static Shrunk shrink(RandomCase failing, Check check, int maxRounds) throws IOException {
        RandomCase current = failing;
        int rounds = 0;
        int tried = 0;
        while (rounds < maxRounds) {
            List<RandomCase> candidates = candidates(current);
            if (candidates.isEmpty()) {
                break;
            }
            rounds++;
            tried += candidates.size();
            List<Boolean> differ = check.differ(candidates);
            int first = differ.indexOf(true);
            if (first < 0) {
                break;
            }
            current = candidates.get(first);
        }
        return new Shrunk(current, rounds, tried);
    }

    /** Every valid one-step reduction of {@code c}, biggest first, none equal to {@code c}. */
    static List<RandomCase> candidates(RandomCase c) {
        CrnnConfig s = c.shape();
        Set<RandomCase> out = new LinkedHashSet<>();
        addShape(out, c, b -> b.optGruLayers(s.gruLayers() - 1));
        addShape(out, c, b -> b.optAttention(false));
        addShape(out, c, b -> b.optConvChannels(1));
        addShape(out, c, b -> b.optConvChannels(s.convChannels() / 2));
        addShape(out, c, b -> b.optGruHidden(1));
        addShape(out, c, b -> b.optGruHidden(s.gruHidden() / 2));
        addShape(out, c, b -> b.optGruHidden(s.gruHidden() - 1));
        addShape(out, c, b -> b.optClasses(2));
        addShape(out, c, b -> b.optFrames(Math.max(s.kernelTime(), s.frames() / 2)));
        addShape(out, c, b -> b.optFrames(s.frames() - 1));
        addShape(out, c, b -> b.optMels(Math.max(s.kernelMel(), s.mels() / 2)));
        addShape(out, c, b -> b.optMels(s.mels() - 1));
        addShape(out, c, b -> b.optKernelTime(1));
        addShape(out, c, b -> b.optKernelTime(s.kernelTime() / 2));
        addShape(out, c, b -> b.optKernelMel(1));
        addShape(out, c, b -> b.optKernelMel(s.kernelMel() / 2));
        addShape(out, c, b -> b.optStrideTime(1));
        addShape(out, c, b -> b.optStrideMel(1));
        if (c.streaming()) {
            add(out, c, c.attentionWindow(), Math.max(s.frames(), c.frames() / 2), c.clipIds());
            add(out, c, c.attentionWindow(), c.frames() - 1, c.clipIds());
            add(out, c, 1, c.frames(), c.clipIds());
            add(out, c, c.attentionWindow() / 2, c.frames(), c.clipIds());
            add(out, c, c.attentionWindow() - 1, c.frames(), c.clipIds());
        } else if (c.clipIds().size() > 1) {
            for (String id : c.clipIds()) {
                add(out, c, c.attentionWindow(), c.frames(), List.of(id));
            }
        }
        out.remove(c);
        return new ArrayList<>(out);
    }

    /** The case with a changed shape; a stream keeps at least a window's worth of frames. Invalid shapes are skipped. */
    private static void addShape(Set<RandomCase> out, RandomCase c, UnaryOperator<CrnnConfig.Builder> change) {
        try {
            CrnnConfig shape = change.apply(c.shape().toBuilder()).build();
            out.add(new RandomCase(c.seed(), shape, c.rounding(), c.streaming(), c.attentionWindow(), c.clipIds(),
                    Math.max(c.frames(), shape.frames())));
        } catch (IllegalArgumentException | IllegalStateException e) {
            // Not a network the code generator takes (a kernel larger than the input, no units): not a candidate.
        }
    }

    private static void add(Set<RandomCase> out, RandomCase c, int window, int frames, List<String> clips) {
        try {
            out.add(new RandomCase(c.seed(), c.shape(), c.rounding(), c.streaming(), window, clips, frames));
        } catch (IllegalArgumentException e) {
            // Below the stream's minimum: not a candidate.
        }
    }
}
