package dev.hark.pipeline.demo;

import dev.hark.firmware.run.SizeReport;
import dev.hark.firmware.run.ListenComparison;
import dev.hark.firmware.run.Target;
import dev.hark.firmware.run.TraceComparison;
import dev.hark.pipeline.bench.ListeningBenchmark;
import dev.hark.pipeline.bench.ListeningCost;
import dev.hark.pipeline.soundstream.SoundStreamSettings;
import dev.hark.pipeline.soundstream.SoundStreamStage;
import dev.hark.pipeline.verify.ListeningVerification;
import dev.hark.pipeline.report.ReportStage;
import dev.hark.trainer.data.Split;
import dev.hark.trainer.features.FeatureSet;
import dev.hark.trainer.eval.DetectorTiming;
import dev.hark.trainer.eval.PlainNumber;
import dev.hark.trainer.eval.SoundStreamTable;
import dev.hark.trainer.eval.StreamOutcome;
import dev.hark.trainer.quant.Int8Evaluation;
import dev.hark.trainer.report.EvaluationReport;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** The short report that ends a demo run: what went in, how good it is, and whether the firmware agrees. */
public final class DemoReport {
    private final List<String> lines = new ArrayList<>();
    private final Map<String, Double> stageSeconds = new LinkedHashMap<>();

    public void data(String source, Map<Split, FeatureSet> features) {
        int total = 0;
        int keyword = 0;
        for (FeatureSet set : features.values()) {
            total += set.size();
            keyword += set.positives();
        }
        lines.add(String.format(Locale.ROOT, "corpus:        %s: %d clips (%d keyword), split by speaker into "
                        + "train %d / dev %d / test %d", source, total, keyword, features.get(Split.TRAIN).size(),
                features.get(Split.DEV).size(), features.get(Split.TEST).size()));
    }

    public void model(long parameters, int modelFileBytes, String training) {
        lines.add(String.format(Locale.ROOT, "model:         CRNN, %d parameters, model.hark %d bytes; %s", parameters,
                modelFileBytes, training));
    }

    public void accuracy(Int8Evaluation.Result r) {
        lines.add(String.format(Locale.ROOT, "test split:    %d clips: float accuracy %.2f%% (au_fa_fr %.5f), "
                        + "int8 accuracy %.2f%% (au_fa_fr %.5f)", r.clips(), 100 * r.floatAccuracy(), r.floatAuFaFr(),
                100 * r.int8Accuracy(), r.int8AuFaFr()));
        lines.add(String.format(Locale.ROOT, "               int8 vs float: decisions agree on %.2f%% of clips; "
                + "keyword probability differs by %.4f on average, %.4f at most", 100 * r.agreement(),
                r.meanAbsProbability(), r.maxAbsProbability()));
    }

    /** The CMSIS-NN and the rounding every target's firmware was built with. */
    public void kernels(String kernelsAndRounding) {
        lines.add("kernels:       " + kernelsAndRounding);
    }

    public void verification(Target target, TraceComparison.Result r) {
        lines.add(String.format(Locale.ROOT, "bit-exact %s: %d clips x %d layers, %d bytes compared, %d differing%s",
                target.makeName(), r.clips(), r.layers(), r.bytesCompared(),
                r.bytesDiffering(), r.firstDifference().map(d -> " (first: " + d + ")").orElse("")));
    }

    public void listening(Target target, ListeningVerification.Heard heard) {
        ListenComparison.Result r = heard.comparison();
        lines.add(String.format(Locale.ROOT, "bit-exact %s listening, %.1f min of test audio as PCM through "
                        + "hark_kws: %d frames, %d steps, %d detections, %d bytes compared, %d differing%s",
                target.makeName(), heard.seconds() / 60, r.frames(), r.steps(),
                r.detections(), r.bytesCompared(), r.bytesDiffering(),
                r.firstDifference().map(d -> " (first: " + d + ")").orElse("")));
    }

    public void firmware(Optional<SizeReport> size, int arenaBytes) {
        lines.add("firmware:      mps2-an386 (Cortex-M4F) harness: "
                + size.map(SizeReport::toString)
                        .orElse("not built")
                + String.format(Locale.ROOT, "; network arena %d bytes", arenaBytes));
    }

    /**
     * What listening costs on a Cortex-M4, measured under QEMU on the model just built.
     *
     * @param where the board, the kernel library and the audio ({@link ListeningBenchmark.Settings#describe})
     */
    public void cost(String where, ListeningCost c) {
        lines.add(String.format(Locale.ROOT, "listening cost: %s instructions per second of audio (front end %s, "
                        + "network %s, detection %s, engine %s): at least %.1f%% of an 80 MHz Cortex-M4; streaming "
                        + "network 1/%.1f of re-scoring a clip every %d frames",
                grouped(c.totalPerSecond()), grouped(c.frontEndPerSecond()), grouped(c.networkPerSecond()),
                grouped(c.detectionPerSecond()), grouped(c.engineOverheadPerSecond()),
                100 * c.shareOf(ListeningCost.CORTEX_M4_HZ), 1 / c.networkRatio(), c.rescoreHopFrames()));
        lines.add(String.format(Locale.ROOT, "               lean listening firmware: flash %,d bytes, RAM %,d bytes, "
                + "peak stack %,d bytes; measured on %s", c.flash(), c.ram(), c.stackPeak(), where));
    }

    private static String grouped(double perSecond) {
        return String.format(Locale.ROOT, "%,d", Math.round(perSecond));
    }

    /** The detector every listening figure uses, and whether it was chosen on dev streams. */
    public void detector(DetectorTiming timing, boolean chosenOnDev) {
        lines.add(String.format(Locale.ROOT, "detector:      %s (%s)", timing.describe(), chosenOnDev
                        ? "chosen on dev-split streams" : "the default; none chosen on dev-split streams"));
    }

    /** The sound stream measurement: each network at each budget, misses and false alarms with their intervals. */
    public void soundStreams(SoundStreamStage.Result r, SoundStreamSettings settings) {
        StreamOutcome first = r.table().rows().get(0).outcome();
        lines.add(String.format(Locale.ROOT, "sound streams: %.1f h of varied %s-split streams (seed %d), %d keywords; "
                        + "state carried, MLPerf Tiny matching:", first.hours(),
                settings.split().name().toLowerCase(Locale.ROOT), settings.seed(), first.keywords()));
        for (SoundStreamTable.Row row : r.table().rows()) {
            StreamOutcome o = row.outcome();
            lines.add(String.format(Locale.ROOT, "               %-5s at <= %-3s FA/h: FRR %.1f%% [%.1f, %.1f], "
                            + "%.2f FA/h [%.2f, %.2f] (%d false %s, threshold %s)", row.network(),
                    PlainNumber.of(row.faBudget()), 100 * o.missRate(), 100 * o.missRateInterval().low(),
                    100 * o.missRateInterval().high(), o.faPerHour(), o.faPerHourInterval().low(),
                    o.faPerHourInterval().high(), o.falseAlarms(), o.falseAlarms() == 1 ? "alarm" : "alarms",
                    o.describeThreshold()));
        }
    }

    public void evaluation(EvaluationReport.Result r) {
        r.streaming().ifPresent(s -> {
            lines.add(String.format(Locale.ROOT, "streaming:     %.1f h test stream of test-split audio, %d keywords; "
                    + "float and int8 listening step by step (state %s), MLPerf Tiny matching, at <= %.0f FA/h:",
                    s.hours(), s.keywords(), s.policy().describe(), s.faBudget()));
            s.atBudget().keySet().forEach(name -> lines.add(String.format(Locale.ROOT, "               %-6s%s", name,
                    ReportStage.streaming(s, name))));
        });
        lines.add("report:        " + shown(r.page()) + " (" + r.images().size() + " charts)");
    }

    /** A path below the working directory as relative to it, as a person who ran the demo there would type it. */
    private static String shown(Path path) {
        Path here = Path.of("").toAbsolutePath();
        return path.isAbsolute() && path.startsWith(here) ? here.relativize(path).toString() : path.toString();
    }

    public void stage(String name, double seconds) {
        stageSeconds.put(name, seconds);
    }

    public String render() {
        StringBuilder out = new StringBuilder("hark demo report\n");
        for (String line : lines) {
            out.append(line).append('\n');
        }
        double total = 0;
        StringBuilder stages = new StringBuilder();
        for (Map.Entry<String, Double> e : stageSeconds.entrySet()) {
            total += e.getValue();
            stages.append(String.format(Locale.ROOT, "%s %.0f s, ", e.getKey(), e.getValue()));
        }
        out.append(String.format(Locale.ROOT, "wall time:     %.0f s (%s)%n", total,
                stages.length() > 2 ? stages.substring(0, stages.length() - 2) : ""));
        return out.toString();
    }
}
