package dev.hark.test;

import dev.hark.firmware.run.ListenComparison;
import dev.hark.firmware.run.TraceComparison;
import dev.hark.sim.frontend.FrontendConfig;
import dev.hark.sim.listen.KeywordEvent;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.opentest4j.AssertionFailedError;

/**
 * Assertions on what the firmware and the simulator computed. A bit-exactness failure names the first differing
 * byte (for clips: clip, layer, step and index; for listening: the frame and mel bin, the network step, layer and
 * index, or the first differing detection) and how many bytes differ; a detection failure lists the detections with
 * their times.
 */
public final class HarkAssertions {
    private HarkAssertions() {
    }

    /** Fails unless the firmware traced every byte the simulator did. */
    public static void assertBitExact(TraceComparison.Result comparison) {
        if (!comparison.identical()) {
            throw new AssertionFailedError("the firmware differs from the simulator at "
                    + comparison.firstDifference().orElse("?") + " (" + comparison.bytesDiffering() + " of "
                    + comparison.bytesCompared() + " bytes differ over " + comparison.clips() + " clips x "
                    + comparison.layers() + " layers)");
        }
    }

    /** Fails unless the firmware made every frame, step and detection the simulator did. */
    public static void assertBitExact(ListenComparison.Result comparison) {
        if (!comparison.identical()) {
            throw new AssertionFailedError("the listening firmware differs from the simulator at "
                    + comparison.firstDifference().orElse("?") + " (" + comparison.summary() + ")");
        }
    }

    /** {@link #assertBitExact(ListenComparison.Result)} on what the firmware heard. */
    public static void assertBitExact(Firmware.Heard heard) {
        if (!heard.comparison().identical()) {
            throw new AssertionFailedError("the " + heard.build().target().makeName() + " listening firmware ("
                    + heard.build().kernelsAndRounding() + ") differs from the simulator at "
                    + heard.comparison().firstDifference().orElse("?") + " (" + heard.comparison().summary() + ")");
        }
    }

    /** Fails unless the simulator made {@code expected} detections. */
    public static void assertDetections(int expected, Listening simulated) {
        assertDetectionCount(expected, simulated.detections(), "the simulator");
    }

    /** Fails unless the firmware made {@code expected} detections (and, before that, heard what the simulator did). */
    public static void assertDetections(int expected, Firmware.Heard heard) {
        assertDetectionCount(expected, heard.detections(), "the " + heard.build().target().makeName() + " firmware");
    }

    /** Fails unless the detections are the same, in the same order: step, sample and score each. */
    public static void assertDetections(List<KeywordEvent> expected, List<KeywordEvent> actual) {
        if (!expected.equals(actual)) {
            throw new AssertionFailedError("expected " + describe(expected) + ", got " + describe(actual),
                    expected, actual);
        }
    }

    private static void assertDetectionCount(int expected, List<KeywordEvent> detections, String who) {
        if (detections.size() != expected) {
            throw new AssertionFailedError(who + " made " + describe(detections) + ", expected " + expected,
                    expected, detections.size());
        }
    }

    /** E.g. {@code 2 detections [step 30 at 2.603 s (score 252), step 56 at 4.683 s (score 215)]}. */
    static String describe(List<KeywordEvent> detections) {
        return detections.size() + (detections.size() == 1 ? " detection" : " detections")
                + (detections.isEmpty() ? "" : detections.stream().map(d -> String.format(Locale.ROOT, "step %d at %.3f s (score %d)", d.step(),
                        d.sample() / (double) FrontendConfig.SAMPLE_RATE_HZ, d.score()))
                .collect(Collectors.joining(", ", " [", "]")));
    }
}
