package dev.hark.firmware.run;

import dev.hark.sim.detect.DetectionSettings;
import dev.hark.sim.listen.KeywordEvent;
import dev.hark.sim.listen.KeywordListener;
import dev.hark.sim.net.Trace;
import dev.hark.sim.program.KernelProgram;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Compares what the firmware heard with what the Java {@link KeywordListener} hears in the same audio, with zero
 * tolerance: every feature frame, every network step's traced tensors and every detection must be identical.
 *
 * <p>The first difference is described as {@code frame <f>, mel bin <m>: simulator <a>, firmware <b>}, as
 * {@link TraceComparison} describes a step ({@code step <s>, layer <name>, index <k>}), or as the first differing
 * detection.
 */
public final class ListenComparison {
    /**
     * The outcome.
     *
     * @param frames          feature frames the simulator made (the firmware must make as many)
     * @param steps           network steps the simulator ran
     * @param detections      detections the simulator made
     * @param bytesCompared   frame and step bytes compared
     * @param bytesDiffering  those that differ, plus one per missing or extra frame, step or detection
     * @param firstDifference the first difference, if any
     */
    public record Result(int frames, int steps, int detections, long bytesCompared, long bytesDiffering,
                         Optional<String> firstDifference) {
        public boolean identical() {
            return bytesDiffering == 0;
        }

        /** One line for logs and assertion messages. */
        public String summary() {
            return frames + " frames, " + steps + " steps, " + detections + " detections: " + bytesDiffering + " of "
                    + bytesCompared + " bytes differ" + firstDifference.map(d -> "; first: " + d).orElse("");
        }
    }

    private ListenComparison() {
    }

    /** Listens to {@code samples} in Java with {@code program} and {@code settings}, and compares. */
    public static Result compare(KernelProgram program, DetectionSettings settings, short[] samples,
                                 ListenTrace firmware) {
        KeywordListener.Heard heard = KeywordListener.hear(program, settings, samples);
        return compare(heard.frames(), heard.steps(), heard.detections(), firmware);
    }

    /** Compares what the simulator already heard. */
    public static Result compare(List<byte[]> frames, List<Trace> steps, List<KeywordEvent> events,
                                 ListenTrace firmware) {
        long compared = 0;
        long differing = 0;
        String first = null;
        for (int f = 0; f < Math.min(frames.size(), firmware.frames().size()); f++) {
            byte[] expected = frames.get(f);
            byte[] actual = firmware.frames().get(f);
            for (int m = 0; m < expected.length; m++) {
                if (expected[m] != actual[m]) {
                    differing++;
                    if (first == null) {
                        first = "frame " + f + ", mel bin " + m + ": simulator " + expected[m] + ", firmware "
                                + actual[m];
                    }
                }
            }
            compared += expected.length;
        }
        if (frames.size() != firmware.frames().size()) {
            differing++;
            first = first != null ? first : "the simulator made " + frames.size() + " frames, the firmware "
                    + firmware.frames().size();
        }
        int commonSteps = Math.min(steps.size(), firmware.steps().size());
        List<String> ids = new ArrayList<>();
        for (int s = 0; s < commonSteps; s++) {
            ids.add("step " + s);
        }
        TraceComparison.Result stepResult = TraceComparison.compare(steps.subList(0, commonSteps), ids,
                new HarnessTrace(firmware.layers(), firmware.steps().subList(0, commonSteps)));
        compared += stepResult.bytesCompared();
        differing += stepResult.bytesDiffering();
        if (first == null && stepResult.firstDifference().isPresent()) {
            first = stepResult.firstDifference().get();
        }
        if (steps.size() != firmware.steps().size()) {
            differing++;
            first = first != null ? first : "the simulator ran " + steps.size() + " steps, the firmware "
                    + firmware.steps().size();
        }
        if (!events.equals(firmware.events())) {
            differing++;
            first = first != null ? first : firstDifferentDetection(events, firmware.events());
        }
        return new Result(frames.size(), steps.size(), events.size(), compared, differing, Optional.ofNullable(first));
    }

    private static String firstDifferentDetection(List<KeywordEvent> simulator, List<KeywordEvent> firmware) {
        int k = 0;
        while (k < simulator.size() && k < firmware.size() && simulator.get(k).equals(firmware.get(k))) {
            k++;
        }
        return "detection " + k + ": simulator " + (k < simulator.size() ? simulator.get(k) : "none") + ", firmware "
                + (k < firmware.size() ? firmware.get(k) : "none") + " (" + simulator.size() + " and "
                + firmware.size() + " detections)";
    }
}
