package dev.hark.trainer.eval;

import java.util.OptionalInt;

/**
 * A stand-in network for tests of what listens to one: a fixed frame size, window and hop, and the step rule of
 * {@link StreamingModel} (the first step on the window's last frame, then one every hop). A subclass says what a
 * frame does to its state and what score a step gives.
 */
public abstract class StandInModel implements StreamingModel {
    private final int frameSize;
    private final int windowFrames;
    private final int hopFrames;
    private long frames;

    protected StandInModel(int frameSize, int windowFrames, int hopFrames) {
        this.frameSize = frameSize;
        this.windowFrames = windowFrames;
        this.hopFrames = hopFrames;
    }

    @Override
    public final int frameSize() {
        return frameSize;
    }

    @Override
    public final int windowFrames() {
        return windowFrames;
    }

    @Override
    public final int hopFrames() {
        return hopFrames;
    }

    @Override
    public final void reset() {
        frames = 0;
        forget();
    }

    @Override
    public final OptionalInt pushFrame(byte[] frame) {
        take(frame);
        frames++;
        boolean stepDue = frames >= windowFrames && (frames - windowFrames) % hopFrames == 0;
        return stepDue ? OptionalInt.of(step()) : OptionalInt.empty();
    }

    /** A frame arrives. */
    protected abstract void take(byte[] frame);

    /** The score of a step that is due, 0 to 255. */
    protected abstract int step();

    /** Forgets the subclass's own state on a reset; nothing by default. */
    protected void forget() {
    }
}
