package dev.hark.firmware.run;

import dev.hark.sim.frontend.FrontendConfig;
import dev.hark.sim.frontend.LogMelFrontend;
import dev.hark.sim.frontend.StreamingFrontend;
import java.util.List;
import java.util.Optional;

/**
 * Compares what the C front end streamed with the Java front end, with zero tolerance: every clip must give the
 * frames of {@link LogMelFrontend#compute} byte for byte, and each frame must come out where
 * {@link StreamingFrontend} says, right after sample {@code samplesForFrame(f)} when pushed or from finish when its
 * window reaches past the clip.
 *
 * <p>The first difference is described as {@code clip <i> (<name>, chunks [...]): frame <f>, mel bin <m>: Java
 * <a>, C <b>}, or names the frame that came out at the wrong point, or the frame counts.
 */
public final class FrontendComparison {
    /**
     * The outcome.
     *
     * @param clips           clips compared
     * @param frames          frames the Java front end computed
     * @param bytesCompared   feature bytes compared
     * @param bytesDiffering  feature bytes that differ (frames missing on one side count in full)
     * @param firstDifference the first difference, described as above, if any
     */
    public record Result(int clips, long frames, long bytesCompared, long bytesDiffering,
                         Optional<String> firstDifference) {
        public boolean identical() {
            return firstDifference.isEmpty();
        }

        /** One line for logs and assertion messages. */
        public String summary() {
            return bytesDiffering + " of " + bytesCompared + " feature bytes differ over " + clips + " clips ("
                    + frames + " frames)" + firstDifference.map(d -> "; first: " + d).orElse("");
        }
    }

    private FrontendComparison() {
    }

    /**
     * @param streamed what the C front end gave for each clip, in the same order
     * @throws IllegalArgumentException if the counts disagree
     */
    public static Result compare(List<PcmClip> clips, List<StreamedClip> streamed) {
        if (clips.size() != streamed.size()) {
            throw new IllegalArgumentException(clips.size() + " clips, but the C front end streamed "
                    + streamed.size());
        }
        LogMelFrontend frontend = new LogMelFrontend();
        int bins = FrontendConfig.MEL_BINS;
        long frames = 0;
        long compared = 0;
        long differing = 0;
        String first = null;
        for (int c = 0; c < clips.size(); c++) {
            PcmClip clip = clips.get(c);
            String where = "clip " + c + " (" + clip.describe() + ")";
            byte[] expected = frontend.compute(clip.samples());
            StreamedClip actual = streamed.get(c);
            int expectedFrames = expected.length / bins;
            byte[] features = actual.features();
            long[] emittedAfter = actual.emittedAfter();
            frames += expectedFrames;
            compared += expected.length;
            differing += (long) Math.abs(expectedFrames - actual.frames()) * bins;
            if (first == null && actual.frames() != expectedFrames) {
                first = where + ": " + actual.frames() + " frames from C, " + expectedFrames + " from Java";
            }
            long pushedFrames = StreamingFrontend.framesReady(clip.samples().length);
            for (int f = 0; f < Math.min(expectedFrames, actual.frames()); f++) {
                long expectedPoint = f < pushedFrames ? StreamingFrontend.samplesForFrame(f) : StreamedClip.FROM_FINISH;
                if (first == null && emittedAfter[f] != expectedPoint) {
                    first = where + ": frame " + f + " came out " + point(emittedAfter[f]) + ", expected "
                            + point(expectedPoint);
                }
                for (int m = 0; m < bins; m++) {
                    int i = f * bins + m;
                    if (expected[i] != features[i]) {
                        differing++;
                        if (first == null) {
                            first = where + ": frame " + f + ", mel bin " + m + ": Java " + expected[i] + ", C "
                                    + features[i];
                        }
                    }
                }
            }
        }
        return new Result(clips.size(), frames, compared, differing, Optional.ofNullable(first));
    }

    private static String point(long emittedAfter) {
        return emittedAfter == StreamedClip.FROM_FINISH ? "from finish" : "after " + emittedAfter + " samples";
    }
}
