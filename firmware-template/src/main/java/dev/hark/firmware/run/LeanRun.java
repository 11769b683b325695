package dev.hark.firmware.run;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the lean listening firmware ({@code harness/hark_listen_lean.c}) reported on the board's console (one line):
 * <pre>
 * hark_listen_lean seconds 3 frames 299 steps 35 detections 0 stack_peak 820 instructions_per_tick 40
 *     calibration_instructions 2000000 calibration_ticks 50000 listen_ticks 1163715 inferences 10
 *     inference_ticks 42608
 * </pre>
 *
 * @param seconds      audio it listened to
 * @param frames       feature frames it made
 * @param steps        network steps it ran
 * @param detections   detections it made
 * @param stackPeak    bytes of stack it used at most, start-up and main included (painted and scanned)
 * @param instructions what listening and a network step cost, when the board's counter counts instructions (under
 *                     QEMU with {@code -icount shift=0}, on a board whose counter QEMU models)
 */
public record LeanRun(long seconds, long frames, long steps, long detections, long stackPeak,
                      Optional<Instructions> instructions) {
    private static final Pattern REPORT = Pattern.compile("hark_listen_lean seconds (\\d{1,9}) frames (\\d{1,9}) "
            + "steps (\\d{1,9}) detections (\\d{1,9}) stack_peak (\\d{1,9})");
    private static final Pattern COUNTS = Pattern.compile(" instructions_per_tick (\\d{1,9}) calibration_instructions"
            + " (\\d{1,10}) calibration_ticks (\\d{1,10}) listen_ticks (\\d{1,10}) inferences (\\d{1,9})"
            + " inference_ticks (\\d{1,10})");
    private static final Pattern FAILURE = Pattern.compile("hark_listen_lean failed (\\d{1,9})");

    /** A run that counted no instructions. */
    public LeanRun(long seconds, long frames, long steps, long detections, long stackPeak) {
        this(seconds, frames, steps, detections, stackPeak, Optional.empty());
    }

    /**
     * The instructions the lean firmware counted.
     *
     * @param listening  instructions in hark_kws_process over the whole audio
     * @param inferences network steps run alone after listening
     * @param inference  instructions of those steps together
     */
    public record Instructions(long listening, long inferences, long inference) {
        /** Instructions per second of audio: the front end, the network's steps and the detector. */
        public long perSecondOfAudio(long seconds) {
            return Math.round(listening / (double) seconds);
        }

        /** Instructions of one network step (one inference on the window). */
        public long perInference() {
            return Math.round(inference / (double) inferences);
        }
    }

    /**
     * Finds the report line in the console output (an emulator's own lines around it are ignored).
     *
     * @throws IllegalArgumentException if the firmware reported a failure or no report at all (it faulted: the
     *                                  lean start-up resets on a fault), quoting the output; or if its counter's
     *                                  calibration says it did not count instructions
     */
    public static LeanRun parse(String output) {
        Matcher failure = FAILURE.matcher(output);
        if (failure.find()) {
            throw new IllegalArgumentException("the lean listening firmware failed: hark_kws status -"
                    + failure.group(1));
        }
        Matcher m = REPORT.matcher(output);
        if (!m.find()) {
            throw new IllegalArgumentException("the lean listening firmware ended without its report (a fault "
                    + "resets it); its output: " + (output.isBlank() ? "(none)" : output.strip()));
        }
        Optional<Instructions> instructions = Optional.empty();
        Matcher counts = COUNTS.matcher(output);
        if (counts.find(m.end()) && counts.start() == m.end()) {
            instructions = instructions(Long.parseLong(counts.group(1)), Long.parseLong(counts.group(2)),
                    Long.parseLong(counts.group(3)), Long.parseLong(counts.group(4)), Long.parseLong(counts.group(5)),
                    Long.parseLong(counts.group(6)));
        }
        return new LeanRun(Long.parseLong(m.group(1)), Long.parseLong(m.group(2)), Long.parseLong(m.group(3)),
                Long.parseLong(m.group(4)), Long.parseLong(m.group(5)), instructions);
    }

    /** Empty when the counter counts no instructions; the calibration loop must read its known count, within a tick. */
    private static Optional<Instructions> instructions(long perTick, long calibrationInstructions,
                                                       long calibrationTicks, long listenTicks, long inferences,
                                                       long inferenceTicks) {
        if (perTick == 0) {
            return Optional.empty();
        }
        long counted = calibrationTicks * perTick;
        if (Math.abs(counted - calibrationInstructions) > perTick) {
            throw new IllegalArgumentException("the lean listening firmware's calibration loop of "
                    + calibrationInstructions + " instructions counted " + counted + ", so its counter does not count"
                    + " instructions (QEMU must run with -icount shift=0)");
        }
        if (inferences < 1) {
            throw new IllegalArgumentException("the lean listening firmware ran no inference alone");
        }
        return Optional.of(new Instructions(listenTicks * perTick, inferences, inferenceTicks * perTick));
    }
}
