package dev.hark.trainer.eval;

import java.util.OptionalInt;

/** A stateless stand-in network: every 8 frames, the loudest of their first codes, plus 128. */
final class LoudestStandIn implements StreamingModel {
    private final int frameSize;
    private long frames;
    private int loudest;

    LoudestStandIn(int frameSize) {
        this.frameSize = frameSize;
    }

    @Override
    public int frameSize() {
        return frameSize;
    }

    @Override
    public int windowFrames() {
        return 8;
    }

    @Override
    public int hopFrames() {
        return 8;
    }

    @Override
    public void reset() {
        frames = 0;
        loudest = 0;
    }

    @Override
    public OptionalInt pushFrame(byte[] frame) {
        loudest = Math.max(loudest, frame[0] + 128);
        if (++frames % 8 != 0) {
            return OptionalInt.empty();
        }
        int out = loudest;
        loudest = 0;
        return OptionalInt.of(out);
    }
}
