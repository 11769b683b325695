package dev.hark.firmware.run;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the lean listening firmware ({@code harness/hark_listen_lean.c}) reported on the board's console:
 * <pre>
 * hark_listen_lean seconds 3 frames 299 steps 35 detections 0 stack_peak 820
 * </pre>
 *
 * @param seconds    audio it listened to
 * @param frames     feature frames it made
 * @param steps      network steps it ran
 * @param detections detections it made
 * @param stackPeak  bytes of stack it used at most, start-up and main included (painted and scanned)
 */
public record LeanRun(long seconds, long frames, long steps, long detections, long stackPeak) {
    private static final Pattern REPORT = Pattern.compile("hark_listen_lean seconds (\\d{1,9}) frames (\\d{1,9}) "
            + "steps (\\d{1,9}) detections (\\d{1,9}) stack_peak (\\d{1,9})");
    private static final Pattern FAILURE = Pattern.compile("hark_listen_lean failed (\\d{1,9})");

    /**
     * Finds the report line in the console output (an emulator's own lines around it are ignored).
     *
     * @throws IllegalArgumentException if the firmware reported a failure or no report at all (it faulted: the
     *                                  lean start-up resets on a fault), quoting the output
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
        return new LeanRun(Long.parseLong(m.group(1)), Long.parseLong(m.group(2)), Long.parseLong(m.group(3)),
                Long.parseLong(m.group(4)), Long.parseLong(m.group(5)));
    }
}
