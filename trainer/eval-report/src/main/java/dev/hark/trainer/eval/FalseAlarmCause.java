package dev.hark.trainer.eval;

import dev.hark.sim.frontend.FrontendConfig;
import java.util.List;

/**
 * What a false alarm is put down to: the piece of the stream with the most samples in the
 * {@value #HEARD_SECONDS} s before the detection (a detection follows what the network heard; the keyword's own
 * matching window likewise reaches 1 s past a keyword's end); of equals, the later piece.
 *
 * @param stream  the stream's number in its set
 * @param second  when the false alarm was made, from the stream's start
 * @param stretch the piece it is put down to
 */
public record FalseAlarmCause(int stream, double second, StreamStretch stretch) {
    /** How far back from a detection the pieces are weighed. */
    public static final double HEARD_SECONDS = 1.0;

    /**
     * The cause of a false alarm at {@code second} in a stream of the given pieces.
     *
     * @param stretches the stream's pieces in time order, at least one
     */
    public static FalseAlarmCause of(int stream, double second, List<StreamStretch> stretches) {
        long to = Math.round(second * FrontendConfig.SAMPLE_RATE_HZ);
        long from = to - Math.round(HEARD_SECONDS * FrontendConfig.SAMPLE_RATE_HZ);
        StreamStretch best = null;
        long bestOverlap = -1;
        for (StreamStretch s : stretches) {
            if (s.startSample() >= to && best != null) {
                break;
            }
            long overlap = s.overlap(from, to);
            if (overlap >= bestOverlap) {
                best = s;
                bestOverlap = overlap;
            }
        }
        if (best == null) {
            throw new IllegalArgumentException("false alarm cause: a stream without pieces");
        }
        return new FalseAlarmCause(stream, second, best);
    }
}
