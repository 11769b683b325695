package dev.hark.trainer.eval;

import dev.hark.sim.program.KeywordScore;
import java.util.OptionalInt;

/**
 * A network listening to a stream of int8 feature frames as a device does: every {@link #hopFrames()} frames it
 * runs one step and gives the keyword score of that moment ({@link KeywordScore}: 0 to 255, log-odds in 1/16 nat
 * plus 128), which the detector ({@code dev.hark.sim.detect.Detector}) turns into detections. The integer
 * network ({@link Int8StreamingModel}) and the float one ({@link FloatStreamingModel}) give scores on the same
 * scale, so one detection rule serves both. An instance keeps state: one per stream and thread.
 */
public interface StreamingModel {
    /** Int8 codes per feature frame (the mel bins). */
    int frameSize();

    /** Frames the first step reads: no step runs before this many frames have arrived (after a reset too). */
    int windowFrames();

    /** New frames per later step: the step period, 8 frames (80 ms) for the default CRNN. */
    int hopFrames();

    /** Forgets the stream: state as at its start, the frame window empty. */
    void reset();

    /**
     * Adds one feature frame.
     *
     * @param frame {@link #frameSize()} int8 codes, as the front end makes them
     * @return the keyword score of the step this frame completes, or empty when it completes none
     * @throws IllegalArgumentException if the frame has the wrong size
     */
    OptionalInt pushFrame(byte[] frame);
}
