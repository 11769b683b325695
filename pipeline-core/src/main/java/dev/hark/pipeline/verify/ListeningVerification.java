package dev.hark.pipeline.verify;

import dev.hark.firmware.KernelLibrary;
import dev.hark.firmware.run.ListenComparison;
import dev.hark.firmware.run.Target;
import dev.hark.sim.detect.DetectionSettings;
import dev.hark.sim.frontend.FrontendConfig;
import dev.hark.sim.model.QuantizedModel;
import dev.hark.sim.program.Lowering;
import dev.hark.trainer.data.ClipFile;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;

/**
 * The listening firmware proved on real audio: minutes of a split's clips end to end (keyword and other words in a
 * seeded order) go through {@code hark_kws} on each target and through the Java listener, and every feature frame,
 * network step and detection must be identical. The audio reaches the firmware in 10 ms blocks, as from a
 * microphone driver, and in odd sizes from 1 sample to a quarter of a second in turn.
 */
public final class ListeningVerification {
    /** The length the demo and {@code hark verify} listen to. */
    public static final double DEFAULT_MINUTES = 10;
    private static final int[] CHUNKS = {160, 160, 1, 333, 4000, 160, 7, 2500};

    /**
     * What one target heard.
     *
     * @param seconds    audio length
     * @param builtWith  the listening firmware's CMSIS-NN and rounding ({@code FirmwareBuild.Result#kernelsAndRounding})
     * @param comparison every frame, step and detection against the simulator
     */
    public record Heard(double seconds, String builtWith, ListenComparison.Result comparison) {
        /** One line for logs and reports. */
        public String summary() {
            return String.format(Locale.ROOT, "%.1f min of audio: %s", seconds / 60, comparison.summary());
        }
    }

    private ListeningVerification() {
    }

    /**
     * @param clips    the clips to glue (16 kHz), at least one
     * @param minutes  the audio is at least this long
     * @param detector the detector the firmware and the simulator listen with: the one the model is deployed with
     *                 ({@code CodegenConfig#detectorFor}), so what is proved is what the product firmware does
     * @param kernels the CMSIS-NN the listening firmware is built against
     * @param work    a folder for the firmware projects (one per target)
     */
    public static Map<Target, Heard> run(QuantizedModel model, DetectionSettings detector, List<short[]> clips,
                                         double minutes, long seed, List<Target> targets, KernelLibrary kernels,
                                         Path work, PrintStream log)
            throws IOException {
        short[] audio = glue(clips, minutes, seed);
        int window = Lowering.defaultAttentionWindow(model);
        Map<Target, Heard> heard = new LinkedHashMap<>();
        for (Target target : targets) {
            log.println(String.format(Locale.ROOT, "[listen] %s: %.1f min of audio through hark_kws (detector: %s)"
                    + " ...", target.makeName(), audio.length / (60.0 * FrontendConfig.SAMPLE_RATE_HZ),
                    detector.describe()));
            FirmwareCheck.ListenOutcome outcome = new FirmwareCheck(work.resolve("listen-" + target.makeName()),
                    target, model.rounding(), kernels).checkListening(model, window, detector, audio,
                    CHUNKS);
            Heard h = new Heard(audio.length / (double) FrontendConfig.SAMPLE_RATE_HZ,
                    outcome.build().kernelsAndRounding(), outcome.comparison());
            log.println("[listen] " + target.makeName() + " (" + outcome.build().kernelsAndRounding() + "): "
                    + h.summary());
            heard.put(target, h);
        }
        return heard;
    }

    /** The samples of each clip file. */
    public static List<short[]> audio(List<ClipFile> clips) throws IOException {
        List<short[]> audio = new ArrayList<>();
        for (ClipFile clip : clips) {
            audio.add(clip.load().samples());
        }
        return audio;
    }

    /** The clips end to end, each round in a new seeded order, until the audio is at least {@code minutes} long. */
    static short[] glue(List<short[]> clips, double minutes, long seed) {
        List<short[]> pieces = clips.stream().filter(c -> c.length > 0).toList();
        if (pieces.isEmpty() || !(minutes > 0)) {
            throw new IllegalArgumentException("listening verification: no clips, or " + minutes + " minutes");
        }
        long needed = (long) Math.ceil(minutes * 60 * FrontendConfig.SAMPLE_RATE_HZ);
        if (needed > Integer.MAX_VALUE / 2) {
            throw new IllegalArgumentException("listening verification: " + minutes + " minutes do not fit one array");
        }
        Random random = new Random(seed);
        List<short[]> order = new ArrayList<>();
        int length = 0;
        while (length < needed) {
            List<short[]> round = new ArrayList<>(pieces);
            Collections.shuffle(round, random);
            for (short[] piece : round) {
                if (length >= needed) {
                    break;
                }
                order.add(piece);
                length += piece.length;
            }
        }
        short[] audio = new short[length];
        int at = 0;
        for (short[] piece : order) {
            System.arraycopy(piece, 0, audio, at, piece.length);
            at += piece.length;
        }
        return audio;
    }
}
