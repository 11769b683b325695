package dev.hark.pipeline.listen;

import dev.hark.firmware.run.Target;
import dev.hark.pipeline.verify.FirmwareCheck;
import dev.hark.sim.audio.AudioFormatException;
import dev.hark.sim.audio.PcmAudio;
import dev.hark.sim.audio.Resampler;
import dev.hark.sim.audio.WavFile;
import dev.hark.sim.detect.DetectionSettings;
import dev.hark.sim.frontend.FrontendConfig;
import dev.hark.sim.io.AtomicFiles;
import dev.hark.sim.listen.KeywordEvent;
import dev.hark.sim.listen.KeywordListener;
import dev.hark.sim.model.QuantizedModel;
import dev.hark.sim.program.KernelProgram;
import dev.hark.sim.program.KeywordScore;
import dev.hark.sim.program.Lowering;
import dev.hark.sim.program.StreamingStep;
import dev.hark.trainer.report.LineChart;
import dev.hark.trainer.report.LineChartRenderer;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Listens to a recording as a device would: the Java {@link KeywordListener} (integer front end, streaming
 * network, detector) over a WAV file, every step's keyword score and smoothed score kept for a CSV trace and
 * a chart; and the same audio through the listening firmware on a target, compared with the listener frame by
 * frame, step by step and detection by detection ({@link FirmwareCheck#checkListening}).
 */
public final class ListenStage {
    /** Samples per call of {@code hark_kws_process} on a target: 10 ms, as a device's audio interrupt delivers. */
    public static final int FIRMWARE_CHUNK_SAMPLES = FrontendConfig.HOP_SAMPLES;

    /** Milliseconds of audio per feature frame. */
    private static final int FRAME_MILLIS = 1000 * FrontendConfig.HOP_SAMPLES / FrontendConfig.SAMPLE_RATE_HZ;
    /** The chart's y axis ends here, above the largest score (255), so the legend sits above the lines. */
    private static final int CHART_TOP = 350;
    /** The chart's time axis runs this much past the audio, so a detection at the end has room for its label. */
    private static final double CHART_TIME_MARGIN = 1.1;

    /**
     * One network step.
     *
     * @param step          0 = the first since the stream began
     * @param sample        samples heard when it ran
     * @param score         the step's keyword score, 0 to 255
     * @param smoothedScore the detector's mean of the last scores, 0 to 255
     */
    public record StepScore(long step, long sample, int score, int smoothedScore) {
        public double seconds() {
            return ListenStage.seconds(sample);
        }
    }

    /**
     * What the listener heard in one recording.
     *
     * @param step       the network's streaming step: frames per step, the attention window (0: no attention)
     * @param samples    samples of audio (16 kHz)
     * @param frames     feature frames made
     * @param steps      every network step, in order
     * @param detections every detection, in order
     */
    public record Heard(QuantizedModel model, ListeningSettings settings, StreamingStep step, long samples,
                        long frames, List<StepScore> steps, List<KeywordEvent> detections) {
        public Heard {
            steps = List.copyOf(steps);
            detections = List.copyOf(detections);
        }

        public double seconds() {
            return ListenStage.seconds(samples);
        }

        /** One line: the audio, the steps and the settings it was heard with. */
        public String describe() {
            DetectionSettings d = settings.detection();
            return String.format(Locale.ROOT, "%.2f s of audio: %d frames, %d steps of %d ms; %s; smoothing %d "
                            + "steps, threshold %d, refractory %d steps", seconds(), frames, steps.size(),
                    step.hopFrames() * FRAME_MILLIS, step.attentionWindow() > 0
                            ? "attention window " + step.attentionWindow() + " steps" : "no attention",
                    d.smoothingSteps(), d.threshold(), d.refractorySteps());
        }

        /** One line: how many detections, and the highest smoothed score with its time. */
        public String summary() {
            String count = detections.size() + (detections.size() == 1 ? " detection" : " detections");
            StepScore top = steps.stream().reduce((a, b) -> b.smoothedScore() > a.smoothedScore() ? b : a)
                    .orElse(null);
            return String.format(Locale.ROOT, "%s in %.2f s", count, seconds()) + (top == null
                    ? "; the audio is shorter than one step"
                    : String.format(Locale.ROOT, "; highest smoothed score %d at %.3f s (step %d), threshold %d",
                            top.smoothedScore(), top.seconds(), top.step(), settings.detection().threshold()));
        }
    }

    /** Where {@link #write} put the trace and the chart. */
    public record Written(Path trace, Path chart) {
    }

    private ListenStage() {
    }

    /**
     * Reads a WAV file as 16 kHz mono samples: other rates are resampled (and said so on {@code log}), several
     * channels mixed down.
     *
     * @throws AudioFormatException naming the file, if it is not a WAV file hark reads or holds no samples
     */
    public static short[] readWav(Path wav, PrintStream log) throws IOException {
        PcmAudio audio = WavFile.readAnyFormat(wav);
        if (audio.samples().length == 0) {
            throw new AudioFormatException(wav, "no audio samples");
        }
        if (audio.sampleRate() == FrontendConfig.SAMPLE_RATE_HZ) {
            return audio.samples();
        }
        log.println("[stream] " + wav + ": resampled from " + audio.sampleRate() + " Hz to "
                + FrontendConfig.SAMPLE_RATE_HZ + " Hz");
        return Resampler.resample(audio.samples(), audio.sampleRate(), FrontendConfig.SAMPLE_RATE_HZ);
    }

    /**
     * Listens to {@code samples} from silence with the Java listener.
     *
     * @throws IllegalArgumentException if the model cannot stream or was made for another front end
     */
    public static Heard listen(QuantizedModel model, ListeningSettings settings, short[] samples) {
        if (!model.info().frontend().equals(FrontendConfig.ID)) {
            throw new IllegalArgumentException("model " + model.info().name() + " was made for the front end '"
                    + model.info().frontend() + "', the listener computes '" + FrontendConfig.ID + "'");
        }
        KernelProgram program = Lowering.lowerStreaming(model, settings.attentionWindow());
        KeywordListener listener = new KeywordListener(program, settings.detection());
        List<StepScore> steps = new ArrayList<>();
        List<KeywordEvent> detections = new ArrayList<>();
        long[] frames = {0};
        listener.push(samples, 0, samples.length, new KeywordListener.Observer() {
            @Override
            public void frame(byte[] features) {
                frames[0]++;
            }

            @Override
            public void score(long step, long sample, int score, int smoothedScore) {
                steps.add(new StepScore(step, sample, score, smoothedScore));
            }

            @Override
            public void detection(KeywordEvent event) {
                detections.add(event);
            }
        });
        return new Heard(model, settings, program.streaming(), samples.length, frames[0], steps, detections);
    }

    /**
     * Writes {@code <name>-scores.csv} (step, sample, seconds, score, smoothed score, detection) and
     * {@code <name>-scores.png} (score and smoothed score over time, the threshold, the detections) into
     * {@code directory}, each atomically; {@code <name>} is the WAV file's name without {@code .wav}.
     */
    public static Written write(Heard heard, Path wav, Path directory) throws IOException {
        String name = wav.getFileName().toString().replaceFirst("(?i)\\.wav$", "");
        Path trace = directory.resolve(name + "-scores.csv");
        Path chart = directory.resolve(name + "-scores.png");
        AtomicFiles.writeString(trace, csv(heard));
        LineChartRenderer.writePng(chart(heard, heard.model().info().name() + " listening to " + wav.getFileName()),
                chart);
        return new Written(trace, chart);
    }

    /** One line for a detection: its time, step and score, and the log-odds the score stands for. */
    public static String describe(KeywordEvent event) {
        return String.format(Locale.ROOT, "detection at %.3f s: step %d, score %d (log-odds %.2f)",
                seconds(event.sample()), event.step(), event.score(), KeywordScore.logOdds(event.score()));
    }

    /**
     * Builds the listening firmware for {@code target} in {@code directory} (the template extracted there, kept for
     * the next run, which rebuilds only what changed), plays {@code samples} to it in
     * {@value #FIRMWARE_CHUNK_SAMPLES}-sample calls and compares what it heard with the Java listener.
     *
     * @throws IOException if generating, building or running fails; a missing tool is a
     *                     {@code MissingToolException}
     */
    public static FirmwareCheck.ListenOutcome onTarget(QuantizedModel model, ListeningSettings settings,
                                                       short[] samples, Target target, Path directory,
                                                       PrintStream log) throws IOException {
        log.println("[stream] " + target.makeName() + ": building the listening firmware in " + directory + " ...");
        FirmwareCheck check = new FirmwareCheck(directory, target, model.rounding());
        log.println("[stream] " + target.makeName() + ": listening to " + String.format(Locale.ROOT, "%.2f s",
                seconds(samples.length)) + " of audio ...");
        return check.checkListening(model, settings.attentionWindow(), settings.detection(), samples,
                new int[] {FIRMWARE_CHUNK_SAMPLES});
    }

    static String csv(Heard heard) {
        Set<Long> firing = new HashSet<>();
        heard.detections().forEach(d -> firing.add(d.step()));
        StringBuilder text = new StringBuilder("step,sample,seconds,score,smoothed_score,detection\n");
        for (StepScore s : heard.steps()) {
            text.append(String.format(Locale.ROOT, "%d,%d,%.4f,%d,%d,%d%n", s.step(), s.sample(), s.seconds(),
                    s.score(), s.smoothedScore(), firing.contains(s.step()) ? 1 : 0));
        }
        return text.toString();
    }

    static LineChart chart(Heard heard, String title) {
        int n = heard.steps().size();
        double[] time = new double[n];
        double[] score = new double[n];
        double[] smoothed = new double[n];
        for (int i = 0; i < n; i++) {
            StepScore s = heard.steps().get(i);
            time[i] = s.seconds();
            score[i] = s.score();
            smoothed[i] = s.smoothedScore();
        }
        int threshold = heard.settings().detection().threshold();
        LineChart.Builder chart = LineChart.builder(title).size(1000, 500)
                .x(LineChart.Axis.linear("time (s)").range(0, CHART_TIME_MARGIN * Math.max(heard.seconds(), 0.1)))
                .y(LineChart.Axis.linear("keyword score (log-odds in 1/16 nat + 128)").range(0, CHART_TOP))
                .series("score", time, score)
                .series("smoothed over " + heard.settings().detection().smoothingSteps() + " steps", time, smoothed)
                .series("threshold " + threshold, new double[] {0, heard.seconds()},
                        new double[] {threshold, threshold});
        for (KeywordEvent d : heard.detections()) {
            chart.marker(seconds(d.sample()), "detection " + d.score());
        }
        return chart.build();
    }

    private static double seconds(long samples) {
        return samples / (double) FrontendConfig.SAMPLE_RATE_HZ;
    }
}
