package dev.hark.pipeline.soundstream;

import dev.hark.pipeline.scoring.ModelListeners;
import dev.hark.pipeline.workspace.DetectorFile;
import dev.hark.pipeline.workspace.Workspace;
import dev.hark.sim.io.AtomicFiles;
import dev.hark.trainer.augment.BenchmarkData;
import dev.hark.trainer.data.Split;
import dev.hark.trainer.eval.DetectorChoice;
import dev.hark.trainer.eval.DetectorTiming;
import dev.hark.trainer.eval.PlainNumber;
import dev.hark.trainer.report.LineChartRenderer;
import dev.hark.trainer.report.ReportCharts;
import java.io.IOException;
import java.io.PrintStream;
import java.util.Locale;
import java.util.Optional;

/**
 * The sound stream measurement of a workspace, as {@code hark stream-eval} and the demo run it: the detector's
 * smoothing and refractory period chosen on dev-split streams (once; recorded in {@link Workspace#detector()}),
 * then the int8 and float networks measured with it on the held-out streams, the table, the DET curve and a stretch
 * of stream written to the workspace.
 */
public final class SoundStreamRun {
    /** The network the detector is chosen for: the int8 one, which the firmware runs bit-exactly. */
    public static final String CHOSEN_FOR = "int8";
    /** The stretch of stream drawn. */
    static final double STRETCH_SECONDS = 60;
    /** Seed offset of the dev streams, so they are never the test streams' pieces in the same order. */
    public static final long DEV_SEED_OFFSET = 1_000_003;

    private SoundStreamRun() {
    }

    /**
     * @param settings    what the measurement listens to (its split the held-out one, TEST by default)
     * @param devHours    dev-split audio the detector is chosen on, when the workspace has no detector yet
     * @param chooseAgain choose the detector again even when the workspace has one
     */
    public static SoundStreamStage.Result run(BenchmarkData data, Workspace workspace, SoundStreamSettings settings,
                                              ModelListeners listeners, double devHours, boolean chooseAgain,
                                              int jobs, PrintStream log) throws IOException {
        DetectorTiming timing = detector(data, workspace, settings, listeners, devHours, chooseAgain, jobs, log);
        SoundStreamStage.Result r = SoundStreamStage.run(data, settings, listeners.named(), timing,
                workspace.soundStreamSpeech(), jobs, log);
        AtomicFiles.writeString(workspace.soundStreamTable(), r.table().markdown());
        LineChartRenderer.writePng(ReportCharts.faMissCurve(String.format(Locale.ROOT, "%s h of varied %s-split "
                        + "streams", PlainNumber.of(settings.hours()), settings.split().name()), r.curves(),
                SoundStreamStage.FA_BUDGETS), workspace.soundStreamDetCurve());
        double budget = SoundStreamStage.FA_BUDGETS.get(SoundStreamStage.FA_BUDGETS.size() - 1);
        var stretch = r.excerpt(CHOSEN_FOR, budget, STRETCH_SECONDS);
        if (stretch.isPresent()) {
            LineChartRenderer.writePng(ReportCharts.streamExcerpt(CHOSEN_FOR, stretch.get()),
                    workspace.soundStreamStretch());
        }
        log.println("[sound streams] " + workspace.soundStreamDetCurve() + (stretch.isPresent() ? ", "
                + workspace.soundStreamStretch() : ""));
        return r;
    }

    /** The workspace's detector, chosen on dev-split streams first when it has none (or when asked to). */
    public static DetectorTiming detector(BenchmarkData data, Workspace workspace, SoundStreamSettings settings,
                                          ModelListeners listeners, double devHours, boolean chooseAgain, int jobs,
                                          PrintStream log) throws IOException {
        Optional<DetectorTiming> recorded = DetectorFile.read(workspace.detector());
        if (recorded.isPresent() && !chooseAgain) {
            log.printf(Locale.ROOT, "[detector] %s, as recorded in %s%n", recorded.get().describe(),
                    workspace.detector());
            return recorded.get();
        }
        // No synthetic speech on the dev streams: the sentences are not divided by split, and the test streams'
        // sentences must not take part in the choice.
        SoundStreamSettings dev = new SoundStreamSettings(Split.DEV, devHours, settings.streamHours(),
                settings.seed() + DEV_SEED_OFFSET, 0);
        DetectorChoice choice = SoundStreamStage.chooseDetector(data, dev, CHOSEN_FOR,
                listeners.named().get(CHOSEN_FOR), workspace.soundStreamSpeech(), jobs, log);
        String tightest = PlainNumber.of(SoundStreamStage.FA_BUDGETS.get(0));
        String how = String.format(Locale.ROOT, "%s h of varied DEV-split streams (seed %d, word clips and "
                        + "background, no synthetic speech), %s network, fewest misses at <= %s FA/h, then at the next "
                        + "budget, then fewest false alarms at each, then the larger margin, then the longer refractory "
                        + "period, then less smoothing; the threshold the chosen detector's lowest within <= %s FA/h",
                PlainNumber.of(devHours), dev.seed(), CHOSEN_FOR, tightest, tightest);
        AtomicFiles.writeString(workspace.detectorChoiceTable(), choice.markdown("Detector candidates on " + how));
        DetectorFile.write(workspace.detector(), choice.chosen(), choice.deployedThreshold(), how);
        log.println("[detector] written: " + workspace.detector() + ", " + workspace.detectorChoiceTable());
        return choice.chosen();
    }
}
