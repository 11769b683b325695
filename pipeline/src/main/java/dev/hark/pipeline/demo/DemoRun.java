package dev.hark.pipeline.demo;

import dev.hark.firmware.KernelLibrary;
import dev.hark.firmware.run.FirmwareBuild;
import dev.hark.firmware.run.Target;
import dev.hark.firmware.run.TraceComparison;
import dev.hark.pipeline.bench.ListeningBenchmark;
import dev.hark.pipeline.data.DataStage;
import dev.hark.pipeline.data.FeatureStage;
import dev.hark.pipeline.firmware.FirmwareStage;
import dev.hark.pipeline.quantize.QuantizeStage;
import dev.hark.pipeline.report.ReportStage;
import dev.hark.pipeline.scoring.FloatAndInt8Scores;
import dev.hark.pipeline.scoring.ModelListeners;
import dev.hark.pipeline.soundstream.SoundStreamRun;
import dev.hark.pipeline.soundstream.SoundStreamSettings;
import dev.hark.pipeline.train.StreamTrainingRecipe;
import dev.hark.pipeline.train.TrainStage;
import dev.hark.pipeline.verify.ListeningVerification;
import dev.hark.pipeline.verify.VerifyStage;
import dev.hark.pipeline.workspace.DetectorFile;
import dev.hark.pipeline.workspace.ModelDetector;
import dev.hark.pipeline.workspace.Workspace;
import dev.hark.sim.io.AtomicFiles;
import dev.hark.sim.model.QuantizedModel;
import dev.hark.sim.program.Lowering;
import dev.hark.trainer.augment.BenchmarkData;
import dev.hark.trainer.data.Split;
import dev.hark.trainer.eval.DetectorTiming;
import dev.hark.trainer.features.FeatureSet;
import dev.hark.trainer.train.TrainingResult;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The whole path on one data set: data, features, float training, quantization, C and firmware, bit-exact
 * verification on every target, the evaluation report, and a short text report of it all ({@link DemoReport}).
 * Every stage keeps its output in the workspace and is skipped when rerun, so a killed demo resumes.
 */
public final class DemoRun {
    /**
     * @param data     a folder in Speech Commands layout, or null for the synthetic corpus built in the workspace
     * @param keyword  the keyword
     * @param seed     seed of the corpus, training and the report's test stream
     * @param epochs   float training epochs
     * @param augment  whether training augments its clips ({@link TrainStage#trainingFeatures})
     * @param recipe   how the float model is trained for listening ({@link StreamTrainingRecipe}); {@link
     *                 StreamTrainingRecipe#NONE} without augmentation
     * @param targets  where the firmware is built and verified
     * @param producer written into the model file: the tool and its version
     * @param soundStreamHours held-out audio of the sound stream measurement (and dev audio the detector is chosen
     *                         on); 0 leaves both out (the workspace's detector, or the default one, is used)
     */
    public record Settings(Path data, String keyword, long seed, int epochs, boolean augment,
                           StreamTrainingRecipe recipe, List<Target> targets, String producer,
                           double soundStreamHours) {
        public Settings {
            if (!(soundStreamHours >= 0) || Double.isInfinite(soundStreamHours)) {
                throw new IllegalArgumentException("demo: the sound stream hours must be 0 or more, got "
                        + soundStreamHours);
            }
        }
    }

    /**
     * @param report    the text report, also written to {@link Workspace#report()}
     * @param identical whether every target computed every traced byte as the simulator did
     */
    public record Outcome(String report, boolean identical) {
    }

    /** Text-to-speech processes for the sound streams' sentences: one per core of the 2-core machines it runs on. */
    private static final int TTS_JOBS = 2;

    private DemoRun() {
    }

    public static Outcome run(Settings s, Workspace workspace, PrintStream log) throws IOException {
        DemoReport report = new DemoReport();
        Laps laps = new Laps(report);
        BenchmarkData dataset = DataStage.prepare(s.data(), workspace, s.keyword(), s.seed(), log);
        laps.lap("data");

        Map<Split, FeatureSet> features = FeatureStage.run(dataset, workspace, log);
        report.data(s.data() == null ? "synthetic '" + s.keyword() + "' corpus" : s.data().toString(), features);
        laps.lap("features");

        TrainStage.Trained trained = TrainStage.run(dataset, s.recipe(), s.augment(), features.get(Split.TRAIN),
                features.get(Split.DEV), s.epochs(), s.seed(), workspace, log);
        laps.lap("training");

        QuantizedModel model = QuantizeStage.run(trained.weights(), features.get(Split.TRAIN), s.keyword(),
                s.producer(), workspace.model(), log);
        report.model(model.parameterCount(), (int) Files.size(workspace.model()), trained.result()
                .map(r -> training(s.epochs(), s.recipe(), r)).orElse("float model reused from the workspace"));
        report.accuracy(FloatAndInt8Scores.of(trained.weights(), model, features.get(Split.TEST).items())
                .comparison());
        laps.lap("quantization");

        ModelListeners listeners = ModelListeners.of(trained.weights(), model);
        SoundStreamSettings soundStreams = s.soundStreamHours() > 0 ? new SoundStreamSettings(Split.TEST,
                s.soundStreamHours(), SoundStreamSettings.DEFAULT_STREAM_HOURS, s.seed(),
                SoundStreamSettings.DEFAULT_SENTENCES) : null;
        DetectorTiming detector = soundStreams == null ? DetectorFile.readOrDefault(workspace.detector())
                : SoundStreamRun.detector(dataset, workspace, soundStreams, listeners, s.soundStreamHours(), false,
                        TTS_JOBS, log);
        report.detector(detector, DetectorFile.read(workspace.detector()).isPresent());
        // From here on the model file carries the detector, so the firmware built next listens with it.
        model = ModelDetector.record(workspace, model, log);
        laps.lap("detector");

        FirmwareStage.Built built = FirmwareStage.run(model, workspace, s.targets(), KernelLibrary.portable(), log);
        laps.lap("codegen+build");

        Map<Target, TraceComparison.Result> verified = VerifyStage.run(model, built.builds(),
                features.get(Split.TEST).items(), workspace.firmware(), log);
        built.builds().values().stream().findFirst().ifPresent(b -> report.kernels(b.kernelsAndRounding()));
        verified.forEach(report::verification);
        Map<Target, ListeningVerification.Heard> heard = ListeningVerification.run(model, model.detector(),
                ListeningVerification.audio(dataset.wordClips(Split.TEST)), ListeningVerification.DEFAULT_MINUTES, s.seed(),
                s.targets(), KernelLibrary.portable(), workspace.firmware(), log);
        heard.forEach(report::listening);
        report.firmware(Optional.ofNullable(built.builds().get(Target.MPS2_AN386)).flatMap(FirmwareBuild.Result::size),
                built.generation().arenaBytes());
        laps.lap("verification");

        if (s.targets().contains(Target.MPS2_AN386)) {
            ListeningBenchmark.Settings costSettings = ListeningBenchmark.Settings.defaults();
            ListeningBenchmark bench = new ListeningBenchmark(workspace.firmware().resolve("bench-listening"),
                    Target.MPS2_AN386, costSettings, log);
            report.cost(costSettings.describe(Target.MPS2_AN386),
                    bench.measure("model", model, Lowering.defaultAttentionWindow(model)));
            laps.lap("listening cost");
        }

        if (soundStreams != null) {
            report.soundStreams(SoundStreamRun.run(dataset, workspace, soundStreams, listeners, s.soundStreamHours(),
                    false, TTS_JOBS, log), soundStreams);
            laps.lap("sound streams");
        }

        report.evaluation(ReportStage.run("hark demo: keyword '" + s.keyword() + "'", dataset,
                features.get(Split.TEST), trained.weights(), model, TrainStage.histories(workspace), 1.0, s.seed(),
                detector, workspace.reportDirectory(), log));
        laps.lap("report");

        String text = report.render();
        AtomicFiles.writeString(workspace.report(), text);
        return new Outcome(text, verified.values().stream().allMatch(TraceComparison.Result::identical)
                && heard.values().stream().allMatch(h -> h.comparison().identical()));
    }

    /** Each stage's wall time, from the end of the one before. */
    private static final class Laps {
        private final DemoReport report;
        private long mark = System.nanoTime();

        Laps(DemoReport report) {
            this.report = report;
        }

        void lap(String stage) {
            long now = System.nanoTime();
            report.stage(stage, (now - mark) / 1e9);
            mark = now;
        }
    }

    /**
     * How the model was trained, for the report: "trained 20 epochs, then 1 round of hard-negative mining (4 epochs
     * each), then the cross-entropy stream loss on varied sequences, the last 3 epochs, best epoch 2 (14.10 s per
     * epoch)"; the last training's epochs are {@code last}'s.
     */
    static String training(int epochs, StreamTrainingRecipe recipe, TrainingResult last) {
        String tail = String.format(Locale.ROOT, "best epoch %d (%.2f s per epoch)", last.best().epoch(),
                last.secondsPerEpoch());
        if (recipe.miningRounds() == 0 && recipe.streamLoss() == null) {
            return String.format(Locale.ROOT, "trained %d epochs, %s", last.history().size(), tail);
        }
        StringBuilder text = new StringBuilder(String.format(Locale.ROOT, "trained %d epochs", epochs));
        if (recipe.miningRounds() > 0) {
            text.append(String.format(Locale.ROOT, ", then %s of hard-negative mining (%d epochs each)",
                    recipe.miningRounds() == 1 ? "1 round" : recipe.miningRounds() + " rounds", recipe.roundEpochs()));
        }
        if (recipe.streamLoss() != null) {
            text.append(String.format(Locale.ROOT, ", then the %s stream loss on %s",
                    recipe.streamLoss().loss().optionName(), recipe.streamLossSequences().describe()));
        }
        return text.append(String.format(Locale.ROOT, ", the last %d epochs, %s", last.history().size(), tail))
                .toString();
    }
}
