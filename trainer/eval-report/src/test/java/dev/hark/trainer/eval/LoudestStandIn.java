package dev.hark.trainer.eval;

/** A stateless stand-in network: every 8 frames, the loudest of their first codes, plus 128. */
final class LoudestStandIn extends StandInModel {
    private int loudest;

    LoudestStandIn(int frameSize) {
        super(frameSize, 8, 8);
    }

    @Override
    protected void take(byte[] frame) {
        loudest = Math.max(loudest, frame[0] + 128);
    }

    @Override
    protected int step() {
        int out = loudest;
        loudest = 0;
        return out;
    }

    @Override
    protected void forget() {
        loudest = 0;
    }
}
