package dev.hark.pipeline.verify;

import dev.hark.firmware.run.Target;
import dev.hark.firmware.run.TraceComparison;
import dev.hark.sim.io.AtomicFiles;
import dev.hark.sim.kernels.Rounding;
import dev.hark.sim.model.QuantizedModel;
import dev.hark.sim.model.io.ModelFile;
import dev.hark.trainer.model.CrnnConfig;
import dev.hark.trainer.quant.RandomModels;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The large random-model run: {@code models} random CRNNs ({@link RandomModelDifferentialTest#randomShape}, random
 * weights and calibration through the real quantizer), each quantized in every rounding mode asked for, each run on
 * the clips of {@link RandomModelDifferentialTest#clips} in the simulator and as generated C on every target asked
 * for, every traced byte compared. Prints one summary line:
 * <pre>
 * random models: 1000 models x 7 targets x 2 roundings, 14000 cases, 70000 clips, 123456789 bytes compared,
 * 0 bytes differing, 0 cases differing, 4321 s
 * </pre>
 * and writes each differing case to {@code <out>/failures/<seed>-<rounding>-<target>/} as a reproducible set: the
 * model file ({@code model.hark}), the clips ({@code clip-<n>.bin}, int8 features) and {@code case.txt} (seed, shape,
 * rounding, target, the first difference). Exit status 0 when every byte agrees, 1 when some differ, 2 for bad
 * arguments.
 *
 * <p>Run by {@code scripts/random-models}, which builds the class path:
 * <pre>
 * scripts/random-models --models 10000 --targets all --roundings single,double --out target/random-models
 * </pre>
 * {@code --targets all} is the host and every board QEMU emulates ({@code all-qemu}). Targets run two at a time; one
 * firmware project per target and rounding compiles the kernels once.
 */
public final class RandomModelRun {
    /** Seeds of the large run start here, apart from the test suite's. */
    static final long DEFAULT_FIRST_SEED = 1_000_000;
    private static final List<String> CLIP_IDS = List.of("random-0", "random-1", "all-min", "all-max", "alternating");

    /** What the run is asked for. */
    record Settings(int models, long firstSeed, List<Target> targets, List<Rounding> roundings, Path out) {
    }

    /** What one target gave over every case. */
    private record Totals(long cases, long clips, long bytesCompared, long bytesDiffering, long casesDiffering) {
    }

    private RandomModelRun() {
    }

    public static void main(String[] args) throws Exception {
        Settings settings;
        try {
            settings = parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("random models: " + e.getMessage());
            System.err.println("usage: RandomModelRun --models N [--first-seed S]"
                    + " [--targets host,mps2-an386,...|all-qemu|all] [--roundings single,double] [--out DIR]");
            System.exit(2);
            return;
        }
        long start = System.nanoTime();
        List<Totals> totals = run(settings);
        long seconds = Math.round((System.nanoTime() - start) / 1e9);
        Totals sum = new Totals(0, 0, 0, 0, 0);
        for (Totals t : totals) {
            sum = new Totals(sum.cases() + t.cases(), sum.clips() + t.clips(),
                    sum.bytesCompared() + t.bytesCompared(), sum.bytesDiffering() + t.bytesDiffering(),
                    sum.casesDiffering() + t.casesDiffering());
        }
        System.out.printf(Locale.ROOT, "random models: %d models x %d targets x %d roundings, %d cases, %d clips,"
                        + " %d bytes compared, %d bytes differing, %d cases differing, %d s%n", settings.models(),
                settings.targets().size(), settings.roundings().size(), sum.cases(), sum.clips(),
                sum.bytesCompared(), sum.bytesDiffering(), sum.casesDiffering(), seconds);
        System.exit(sum.casesDiffering() == 0 ? 0 : 1);
    }

    static Settings parse(String[] args) {
        int models = -1;
        long firstSeed = DEFAULT_FIRST_SEED;
        List<Target> targets = List.of(Target.HOST, Target.MPS2_AN386);
        List<Rounding> roundings = List.of(Rounding.values());
        Path out = Path.of("target", "random-models");
        for (int i = 0; i < args.length; i += 2) {
            String option = args[i];
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException(option + " needs a value");
            }
            String value = args[i + 1];
            switch (option) {
                case "--models" -> models = positive(option, value);
                case "--first-seed" -> firstSeed = number(option, value);
                case "--targets" -> targets = targets(value.equals("all") ? Target.HOST.makeName() + ","
                        + Target.ALL_EMULATED : value);
                case "--roundings" -> roundings = roundings(value);
                case "--out" -> out = Path.of(value);
                default -> throw new IllegalArgumentException("unknown option " + option);
            }
        }
        if (models < 0) {
            throw new IllegalArgumentException("--models is missing");
        }
        return new Settings(models, firstSeed, targets, roundings, out);
    }

    private static int positive(String option, String value) {
        long n = number(option, value);
        if (n < 1 || n > Integer.MAX_VALUE) {
            throw new IllegalArgumentException(option + " " + value + ": expected a count of at least 1");
        }
        return (int) n;
    }

    private static long number(String option, String value) {
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " " + value + ": not a number");
        }
    }

    /** The targets named, each of which runs here: the host or a board QEMU emulates. */
    private static List<Target> targets(String names) {
        List<Target> targets;
        try {
            targets = Target.selected(List.of(names.split(",")));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--targets: " + e.getMessage() + ", " + Target.ALL_EMULATED
                    + " or all");
        }
        for (Target target : targets) {
            if (target.board().isPresent() && !target.board().get().isEmulated()) {
                throw new IllegalArgumentException("--targets: " + target.makeName() + " is not emulated by QEMU;"
                        + " expected the host or one of " + Target.boards().stream().map(Target::makeName).toList());
            }
        }
        return targets;
    }

    private static List<Rounding> roundings(String names) {
        List<Rounding> roundings = new ArrayList<>();
        for (String name : names.split(",")) {
            try {
                roundings.add(Rounding.valueOf(name.toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("--roundings: unknown rounding '" + name
                        + "'; expected single or double");
            }
        }
        return roundings;
    }

    /** Every target through every case, two targets at a time; the totals in the targets' order. */
    static List<Totals> run(Settings settings) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<Totals>> tasks = new ArrayList<>();
            for (Target target : settings.targets()) {
                tasks.add(pool.submit(() -> runTarget(settings, target)));
            }
            List<Totals> totals = new ArrayList<>();
            for (Future<Totals> task : tasks) {
                totals.add(task.get());
            }
            return totals;
        } finally {
            pool.shutdownNow();
        }
    }

    /** The models are drawn again for each target: the same seeds give the same models, and memory stays flat. */
    private static Totals runTarget(Settings settings, Target target) throws IOException {
        List<FirmwareCheck> checks = new ArrayList<>();
        for (Rounding rounding : settings.roundings()) {
            checks.add(new FirmwareCheck(settings.out().resolve("projects").resolve(target.makeName() + "-"
                    + rounding), target, rounding));
        }
        long cases = 0;
        long clips = 0;
        long compared = 0;
        long differing = 0;
        long casesDiffering = 0;
        for (int i = 0; i < settings.models(); i++) {
            long seed = settings.firstSeed() + i;
            CrnnConfig shape = RandomModelDifferentialTest.randomShape(new Random(seed));
            for (int r = 0; r < settings.roundings().size(); r++) {
                Rounding rounding = settings.roundings().get(r);
                QuantizedModel model = RandomModels.create(shape, seed, rounding);
                List<byte[]> caseClips = RandomModelDifferentialTest.clips(model, seed);
                TraceComparison.Result result = checks.get(r).check(model, caseClips, CLIP_IDS).comparison();
                cases++;
                clips += caseClips.size();
                compared += result.bytesCompared();
                differing += result.bytesDiffering();
                if (!result.identical()) {
                    casesDiffering++;
                    writeFailure(settings.out(), seed, shape, target, model, caseClips, result);
                }
            }
        }
        return new Totals(cases, clips, compared, differing, casesDiffering);
    }

    /** One differing case as files that reproduce it, and a line naming them on stderr. */
    private static void writeFailure(Path out, long seed, CrnnConfig shape, Target target, QuantizedModel model,
                                     List<byte[]> clips, TraceComparison.Result result) throws IOException {
        Path dir = out.resolve("failures").resolve(seed + "-" + model.rounding().name().toLowerCase(Locale.ROOT) + "-"
                + target.makeName());
        Files.createDirectories(dir);
        ModelFile.write(model, dir.resolve("model.hark"));
        for (int c = 0; c < clips.size(); c++) {
            AtomicFiles.write(dir.resolve("clip-" + c + ".bin"), clips.get(c));
        }
        AtomicFiles.writeString(dir.resolve("case.txt"), "seed " + seed + "\nshape " + shape + "\nrounding "
                + model.rounding() + "\ntarget " + target.makeName() + " (" + target.core() + ")\nclips "
                + String.join(" ", CLIP_IDS) + "\n" + result.summary() + "\n");
        System.err.println("random models: " + target.makeName() + ", seed " + seed + ", " + model.rounding()
                + " rounding differs: " + result.summary() + " (written to " + dir + ")");
    }
}
