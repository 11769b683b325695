package dev.hark.pipeline.verify;

import dev.hark.firmware.run.Target;
import dev.hark.firmware.run.TraceComparison;
import dev.hark.sim.io.AtomicFiles;
import dev.hark.sim.kernels.Rounding;
import dev.hark.sim.model.QuantizedModel;
import dev.hark.sim.model.io.ModelFile;
import dev.hark.sim.net.Trace;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The large random-model run: {@code models} random CRNNs ({@link RandomCase#ofSeed}: random shape, random weights
 * and calibration through the real quantizer), each quantized in every rounding mode asked for, each run as a
 * whole-clip network on {@link RandomCase#CLIP_IDS} and as a streaming network on a stream of frames (the state
 * carried from step to step), in the simulator and as generated C on every target asked for; every traced byte is
 * compared. Prints a progress line per batch and one summary line:
 * <pre>
 * random models: 1000 models x 8 targets x 2 roundings x 2 kinds (whole clip, stream), 32000 cases, 123456 runs,
 * 123456789 bytes compared, 0 bytes differing, 0 cases differing, 0 cases failed to run, 4321 s
 * </pre>
 *
 * <p>Speed: the models go in batches ({@code --batch}, default {@value #DEFAULT_BATCH}); a batch's models are
 * quantized, generated and simulated once per rounding, then built for every target into one image each
 * ({@link BatchHarness}: the kernels compiled once per target and rounding, the cases of an image in one compiler
 * run, one QEMU boot per batch), two targets at a time. Resumable: each finished batch writes its figures atomically
 * to {@code <out>/results/}, and a run with the same arguments skips the batches found there, so a run killed at any
 * point (even kill -9) goes on where it stopped and ends with the same summary.
 *
 * <p>Each differing case is written to {@code <out>/failures/<case>-<target>/} as a reproducible set: {@code case
 * .properties} (what {@code --replay} runs), the model file and the first difference; the first {@code --shrink}
 * (default {@value #DEFAULT_SHRINKS}) are then shrunk ({@link Shrinker}) into {@code shrunk/} beside it. Exit status
 * 0 when every byte agrees, 1 when some differ, 2 for bad arguments.
 *
 * <p>Run by {@code scripts/random-models}, which builds the class path:
 * <pre>
 * scripts/random-models --models 10000 --targets all --roundings single,double --out target/random-models
 * scripts/random-models --replay target/random-models/failures/&lt;case&gt;/shrunk/case.properties --targets host
 * </pre>
 * {@code --targets all} is the host and every board QEMU emulates ({@code all-qemu}). {@code --inject-fault
 * gru2-weight} flips a weight bit in every generated network of two GRU layers ({@link InjectedFault}), to see the
 * failure path work.
 */
public final class RandomModelRun {
    /** Seeds of the large run start here, apart from the test suite's. */
    static final long DEFAULT_FIRST_SEED = 1_000_000;
    static final int DEFAULT_BATCH = 40;
    static final int DEFAULT_SHRINKS = 3;
    private static final int SHRINK_ROUNDS = 40;

    /** What the run is asked for. */
    record Settings(int models, long firstSeed, List<Target> targets, List<Rounding> roundings, Path out,
                    int batchSize, int shrinks, InjectedFault fault) {
    }

    /** Figures of some cases on one target and rounding, or summed. */
    record Totals(long cases, long runs, long bytesCompared, long bytesDiffering, long casesDiffering,
                  long casesFailed) {
        static final Totals NONE = new Totals(0, 0, 0, 0, 0, 0);

        Totals plus(Totals o) {
            return new Totals(cases + o.cases, runs + o.runs, bytesCompared + o.bytesCompared,
                    bytesDiffering + o.bytesDiffering, casesDiffering + o.casesDiffering, casesFailed + o.casesFailed);
        }

        String line() {
            return cases + " " + runs + " " + bytesCompared + " " + bytesDiffering + " " + casesDiffering + " "
                    + casesFailed;
        }

        static Totals parse(String line) {
            String[] f = line.strip().split(" ");
            return new Totals(Long.parseLong(f[0]), Long.parseLong(f[1]), Long.parseLong(f[2]),
                    Long.parseLong(f[3]), Long.parseLong(f[4]), Long.parseLong(f[5]));
        }
    }

    /**
     * Points of the run a test stops at to kill it there ({@code RandomModelRunKillMain}): {@link #BATCH_RUN}
     * once every target has run a batch and before its figures are written, {@link #BATCH_RECORDED} once they are.
     */
    interface Checkpoint {
        String BATCH_RUN = "batch run";
        String BATCH_RECORDED = "batch recorded";
        Checkpoint NONE = (point, firstSeed) -> {
        };

        void reached(String point, long firstSeed);
    }

    /** What the whole run gave. */
    record Summary(Totals totals, int batchesRun, int batchesResumed) {
    }

    /** A case generated into a batch: its records and what the simulator traced for them. */
    private record Prepared(RandomCase c, String entryName, List<byte[]> records, int recordSize,
                            List<Trace> expected) {
    }

    /** A case that differs or did not run on a target, and what it gave. */
    private record Failure(RandomCase c, Target target, String what) {
    }

    private RandomModelRun() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length >= 1 && args[0].equals("--replay")) {
            System.exit(replay(args));
            return;
        }
        Settings settings;
        try {
            settings = parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("random models: " + e.getMessage());
            System.err.println("usage: RandomModelRun --models N [--first-seed S]"
                    + " [--targets host,mps2-an386,...|all-qemu|all] [--roundings single,double] [--out DIR]"
                    + " [--batch N] [--shrink N] [--inject-fault none|gru2-weight]\n"
                    + "       RandomModelRun --replay CASE.properties [--targets ...] [--out DIR]");
            System.exit(2);
            return;
        }
        long start = System.nanoTime();
        Summary summary = run(settings);
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.println(summaryLine(settings, summary.totals(), seconds));
        System.exit(summary.totals().casesDiffering() + summary.totals().casesFailed() == 0 ? 0 : 1);
    }

    static String summaryLine(Settings settings, Totals t, double seconds) {
        return String.format(Locale.ROOT, "random models: %d models x %d targets x %d roundings x 2 kinds (whole clip,"
                        + " stream), %d cases, %d runs, %d bytes compared, %d bytes differing, %d cases differing,"
                        + " %d cases failed to run, %.0f s", settings.models(), settings.targets().size(),
                settings.roundings().size(), t.cases(), t.runs(), t.bytesCompared(), t.bytesDiffering(),
                t.casesDiffering(), t.casesFailed(), seconds);
    }

    static Settings parse(String[] args) {
        int models = -1;
        long firstSeed = DEFAULT_FIRST_SEED;
        List<Target> targets = List.of(Target.HOST, Target.MPS2_AN386);
        List<Rounding> roundings = List.of(Rounding.values());
        Path out = Path.of("target", "random-models");
        int batch = DEFAULT_BATCH;
        int shrinks = DEFAULT_SHRINKS;
        InjectedFault fault = InjectedFault.NONE;
        for (int i = 0; i < args.length; i += 2) {
            String option = args[i];
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException(option + " needs a value");
            }
            String value = args[i + 1];
            switch (option) {
                case "--models" -> models = positive(option, value);
                case "--first-seed" -> firstSeed = number(option, value);
                case "--targets" -> targets = targets(value);
                case "--roundings" -> roundings = roundings(value);
                case "--out" -> out = Path.of(value);
                case "--batch" -> batch = positive(option, value);
                case "--shrink" -> shrinks = (int) Math.min(Integer.MAX_VALUE, Math.max(0, number(option, value)));
                case "--inject-fault" -> {
                    try {
                        fault = InjectedFault.ofOptionName(value);
                    } catch (IllegalArgumentException e) {
                        throw new IllegalArgumentException("--inject-fault: " + e.getMessage());
                    }
                }
                default -> throw new IllegalArgumentException("unknown option " + option);
            }
        }
        if (models < 0) {
            throw new IllegalArgumentException("--models is missing");
        }
        return new Settings(models, firstSeed, targets, roundings, out, batch, shrinks, fault);
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
    private static List<Target> targets(String value) {
        String names = value.equals("all") ? Target.HOST.makeName() + "," + Target.ALL_EMULATED : value;
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

    /** Every batch not already finished, then the figures of all of them. */
    static Summary run(Settings settings) throws Exception {
        return run(settings, Checkpoint.NONE);
    }

    /** As {@link #run(Settings)}, telling {@code checkpoint} each point it passes. */
    static Summary run(Settings settings, Checkpoint checkpoint) throws Exception {
        BatchHarness harness = new BatchHarness(settings.out().resolve("project"));
        int batches = (settings.models() + settings.batchSize() - 1) / settings.batchSize();
        Totals sum = Totals.NONE;
        int ran = 0;
        int resumed = 0;
        int shrinksLeft = settings.shrinks();
        long start = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (int b = 0; b < batches; b++) {
                long first = settings.firstSeed() + (long) b * settings.batchSize();
                int count = (int) Math.min(settings.batchSize(), settings.models() - (long) b * settings.batchSize());
                Path resultFile = settings.out().resolve("results").resolve("batch-" + first + "-" + count + ".txt");
                Optional<Totals> done = readResult(resultFile, settings);
                if (done.isPresent()) {
                    sum = sum.plus(done.get());
                    resumed++;
                    continue;
                }
                List<Failure> failures = new ArrayList<>();
                Totals totals = runBatch(settings, harness, pool, first, count, failures);
                for (Failure f : failures) {
                    shrinksLeft = writeFailure(settings, harness, f, shrinksLeft > 0) ? shrinksLeft - 1 : shrinksLeft;
                }
                checkpoint.reached(Checkpoint.BATCH_RUN, first);
                AtomicFiles.writeString(resultFile, resultHeader(settings) + totals.line() + "\n");
                checkpoint.reached(Checkpoint.BATCH_RECORDED, first);
                sum = sum.plus(totals);
                ran++;
                double seconds = (System.nanoTime() - start) / 1e9;
                long modelsRun = (long) ran * settings.batchSize();
                double perHour = modelsRun / seconds * 3600;
                long modelsLeft = settings.models() - (long) (b + 1) * settings.batchSize();
                System.err.printf(Locale.ROOT, "random models: batch %d of %d (seeds %d..%d) done, %d cases"
                                + " differing so far; %.0f models/hour, about %.1f h left%n", b + 1, batches, first,
                        first + count - 1, sum.casesDiffering() + sum.casesFailed(), perHour,
                        Math.max(0, modelsLeft) / perHour);
            }
        } finally {
            pool.shutdownNow();
        }
        return new Summary(sum, ran, resumed);
    }

    /** What a finished batch's file records first: the arguments that decide its figures. */
    private static String resultHeader(Settings settings) {
        return "targets " + settings.targets().stream().map(Target::makeName).collect(Collectors.joining(","))
                + "\nroundings " + settings.roundings().stream().map(r -> r.name().toLowerCase(Locale.ROOT))
                .collect(Collectors.joining(",")) + "\nfault " + settings.fault().optionName() + "\n";
    }

    /** A finished batch's figures, if its file is there and was made with the same arguments. */
    private static Optional<Totals> readResult(Path file, Settings settings) throws IOException {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        String text = Files.readString(file);
        String header = resultHeader(settings);
        if (!text.startsWith(header)) {
            return Optional.empty();
        }
        return Optional.of(Totals.parse(text.substring(header.length())));
    }

    /** One batch: prepared once per rounding, built and run for every target, two at a time. */
    private static Totals runBatch(Settings settings, BatchHarness harness, ExecutorService pool, long first,
                                   int count, List<Failure> failures) throws Exception {
        List<Future<List<Prepared>>> preparing = new ArrayList<>();
        for (Rounding rounding : settings.roundings()) {
            Path dir = batchDirectory(settings, first, rounding);
            preparing.add(pool.submit(() -> {
                List<RandomCase> cases = new ArrayList<>();
                for (long seed = first; seed < first + count; seed++) {
                    cases.addAll(RandomCase.ofSeed(seed, rounding));
                }
                return prepare(dir, cases, settings.fault(), c -> c.name());
            }));
        }
        List<List<Prepared>> prepared = new ArrayList<>();
        for (Future<List<Prepared>> p : preparing) {
            prepared.add(get(p));
        }
        List<Future<TargetRun>> tasks = new ArrayList<>();
        for (Target target : settings.targets()) {
            for (int r = 0; r < settings.roundings().size(); r++) {
                Rounding rounding = settings.roundings().get(r);
                List<Prepared> cases = prepared.get(r);
                Path dir = batchDirectory(settings, first, rounding);
                tasks.add(pool.submit(() -> runOnTarget(harness, dir, cases, target, rounding)));
            }
        }
        Totals totals = Totals.NONE;
        for (Future<TargetRun> task : tasks) {
            TargetRun run = get(task);
            totals = totals.plus(run.totals());
            failures.addAll(run.failures());
        }
        return totals;
    }

    private record TargetRun(Totals totals, List<Failure> failures) {
    }

    private static Path batchDirectory(Settings settings, long first, Rounding rounding) {
        return settings.out().resolve("batches").resolve(first + "-" + rounding.name().toLowerCase(Locale.ROOT));
    }

    /** Quantizes, simulates and generates every case into a fresh {@code dir}, under the names given. */
    private static List<Prepared> prepare(Path dir, List<RandomCase> cases, InjectedFault fault,
                                          Function<RandomCase, String> names) throws IOException {
        BatchHarness.deleteRecursively(dir);
        Files.createDirectories(dir);
        List<Prepared> prepared = new ArrayList<>();
        for (RandomCase c : cases) {
            prepared.add(prepare(dir, c, names.apply(c), fault));
        }
        return prepared;
    }

    /** Quantizes, simulates and generates one case into {@code dir}, under {@code name}. */
    private static Prepared prepare(Path dir, RandomCase c, String name, InjectedFault fault) throws IOException {
        QuantizedModel model = c.model();
        List<byte[]> records = c.records(model);
        Path generated = Files.createDirectories(BatchHarness.caseDirectory(dir, name));
        c.generate(model, generated);
        fault.apply(generated);
        return new Prepared(c, name, records, c.recordSize(model), c.simulate(model, records));
    }

    private static TargetRun runOnTarget(BatchHarness harness, Path dir, List<Prepared> cases, Target target,
                                         Rounding rounding) throws IOException {
        List<BatchHarness.Entry> entries = cases.stream().map(p -> new BatchHarness.Entry(p.entryName(),
                p.records(), p.recordSize(), p.expected().size())).toList();
        Map<String, BatchHarness.Outcome> outcomes = harness.run(dir, entries, target, rounding);
        Totals totals = Totals.NONE;
        List<Failure> failures = new ArrayList<>();
        for (Prepared p : cases) {
            BatchHarness.Outcome outcome = outcomes.get(p.entryName());
            if (outcome.trace().isEmpty()) {
                totals = totals.plus(new Totals(1, 0, 0, 0, 0, 1));
                failures.add(new Failure(p.c(), target, "did not run: " + outcome.problem()));
                continue;
            }
            try {
                TraceComparison.Result result = comparison(p, outcome);
                totals = totals.plus(new Totals(1, p.expected().size(), result.bytesCompared(),
                        result.bytesDiffering(), result.identical() ? 0 : 1, 0));
                if (!result.identical()) {
                    failures.add(new Failure(p.c(), target, result.summary()));
                }
            } catch (IllegalArgumentException e) {
                // The firmware traced other layers than the simulator: differing, with no byte to count.
                totals = totals.plus(new Totals(1, 0, 0, 0, 1, 0));
                failures.add(new Failure(p.c(), target, e.getMessage()));
            }
        }
        return new TargetRun(totals, failures);
    }

    private static TraceComparison.Result comparison(Prepared p, BatchHarness.Outcome outcome) {
        return TraceComparison.compare(p.expected(), p.c().runIds(p.expected().size()), outcome.trace().orElseThrow());
    }

    /** The first difference of a case's outcome, or why it has no trace; empty when every byte agrees. */
    private static Optional<String> compare(Prepared p, BatchHarness.Outcome outcome) {
        if (outcome.trace().isEmpty()) {
            return Optional.of("did not run: " + outcome.problem());
        }
        try {
            TraceComparison.Result result = comparison(p, outcome);
            return result.identical() ? Optional.empty() : Optional.of(result.summary());
        } catch (IllegalArgumentException e) {
            return Optional.of(e.getMessage());
        }
    }

    /**
     * Writes a failing case as a reproducible set and, if {@code shrink}, shrinks it into {@code shrunk/}.
     *
     * @return whether it was shrunk
     */
    private static boolean writeFailure(Settings settings, BatchHarness harness, Failure f, boolean shrink)
            throws IOException {
        Path dir = settings.out().resolve("failures").resolve(f.c().name() + "-" + f.target().makeName());
        writeCase(dir, f.c(), f.target(), settings.fault(), f.what());
        System.err.println("random models: " + f.target().makeName() + " (" + f.target().core() + "), "
                + f.c().describe() + ": " + f.what() + " (written to " + dir + ")");
        if (!shrink) {
            return false;
        }
        Path work = settings.out().resolve("shrink");
        Shrinker.Shrunk shrunk = shrink(harness, work, f.c(), f.target(), settings.fault(), SHRINK_ROUNDS);
        Optional<String> difference = check(harness, work, shrunk.shrunk(), f.target(), settings.fault());
        writeCase(dir.resolve("shrunk"), shrunk.shrunk(), f.target(), settings.fault(),
                difference.orElse("no longer differs"));
        System.err.println("random models: shrunk in " + shrunk.rounds() + " rounds (" + shrunk.candidatesTried()
                + " candidates) to " + shrunk.shrunk().describe() + ": " + difference.orElse("no longer differs")
                + " (written to " + dir.resolve("shrunk") + ")");
        return true;
    }

    /** The case file, the model and the difference, in {@code dir}. */
    static void writeCase(Path dir, RandomCase c, Target target, InjectedFault fault, String difference)
            throws IOException {
        Files.createDirectories(dir);
        String properties = c.toProperties() + "case.target=" + target.makeName() + "\n"
                + (fault == InjectedFault.NONE ? "" : "case.fault=" + fault.optionName() + "\n");
        AtomicFiles.writeString(dir.resolve("case.properties"), properties);
        ModelFile.write(c.model(), dir.resolve("model.hark"));
        AtomicFiles.writeString(dir.resolve("difference.txt"), target.makeName() + " (" + target.core() + "): "
                + c.describe() + "\n" + difference + "\n");
    }

    /** Shrinks a case that differs on {@code target}, each round one batch image in {@code work}. */
    static Shrinker.Shrunk shrink(BatchHarness harness, Path work, RandomCase c, Target target, InjectedFault fault,
                                  int rounds) throws IOException {
        return Shrinker.shrink(c, candidates -> differ(harness, work, candidates, target, fault), rounds);
    }

    /** Which candidates differ on {@code target}: one batch image of them all. */
    private static List<Boolean> differ(BatchHarness harness, Path work, List<RandomCase> candidates, Target target,
                                        InjectedFault fault) throws IOException {
        Path dir = work.resolve("batch");
        BatchHarness.deleteRecursively(dir);
        Files.createDirectories(dir);
        List<RandomCase> valid = new ArrayList<>();
        List<Prepared> prepared = new ArrayList<>();
        for (int i = 0; i < candidates.size(); i++) {
            try {
                prepared.add(prepare(dir, candidates.get(i), "case-" + i, fault));
                valid.add(candidates.get(i));
            } catch (RuntimeException e) {
                // A shape the quantizer or the generator refuses is no candidate.
            }
        }
        List<Boolean> differ = new ArrayList<>();
        if (prepared.isEmpty()) {
            candidates.forEach(c -> differ.add(false));
            return differ;
        }
        Map<String, BatchHarness.Outcome> outcomes = harness.run(dir, prepared.stream().map(p ->
                new BatchHarness.Entry(p.entryName(), p.records(), p.recordSize(), p.expected().size())).toList(),
                target, candidates.get(0).rounding());
        for (RandomCase c : candidates) {
            int index = valid.indexOf(c);
            differ.add(index >= 0 && compare(prepared.get(index), outcomes.get(prepared.get(index).entryName()))
                    .isPresent());
        }
        return differ;
    }

    /** Runs one case on {@code target}: its first difference, or empty when every byte agrees. */
    static Optional<String> check(BatchHarness harness, Path work, RandomCase c, Target target, InjectedFault fault)
            throws IOException {
        Path dir = work.resolve("single");
        List<Prepared> prepared = prepare(dir, List.of(c), fault, x -> "case-replay");
        Prepared p = prepared.get(0);
        Map<String, BatchHarness.Outcome> outcomes = harness.run(dir, List.of(new BatchHarness.Entry(p.entryName(),
                p.records(), p.recordSize(), p.expected().size())), target, c.rounding());
        return compare(p, outcomes.get(p.entryName()));
    }

    /** {@code --replay CASE.properties [--targets T] [--out DIR]}: the case on its target (or those given). */
    static int replay(String[] args) throws Exception {
        Path file;
        Path out = Path.of("target", "random-models");
        List<Target> targets = null;
        RandomCase c;
        Properties p = new Properties();
        try {
            if (args.length < 2) {
                throw new IllegalArgumentException("--replay needs a case file");
            }
            file = Path.of(args[1]);
            for (int i = 2; i < args.length; i += 2) {
                if (i + 1 >= args.length) {
                    throw new IllegalArgumentException(args[i] + " needs a value");
                }
                switch (args[i]) {
                    case "--targets" -> targets = targets(args[i + 1]);
                    case "--out" -> out = Path.of(args[i + 1]);
                    default -> throw new IllegalArgumentException("unknown option " + args[i]);
                }
            }
            String text;
            try {
                text = Files.readString(file);
            } catch (IOException e) {
                throw new IllegalArgumentException(file + ": cannot read: " + e.getMessage());
            }
            c = RandomCase.parse(text, file.toString());
            p.load(new StringReader(text));
            if (targets == null) {
                targets = targets(p.getProperty("case.target", Target.HOST.makeName()));
            }
        } catch (IllegalArgumentException e) {
            System.err.println("random models: " + e.getMessage());
            return 2;
        }
        InjectedFault fault = InjectedFault.ofOptionName(p.getProperty("case.fault", "none"));
        BatchHarness harness = new BatchHarness(out.resolve("project"));
        boolean differs = false;
        for (Target target : targets) {
            Optional<String> difference = check(harness, out.resolve("replay"), c, target, fault);
            System.out.println("replay: " + target.makeName() + " (" + target.core() + "), " + c.describe() + ": "
                    + difference.orElse("every byte agrees"));
            differs |= difference.isPresent();
        }
        return differs ? 1 : 0;
    }

    private static <T> T get(Future<T> future) throws Exception {
        try {
            return future.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof Exception cause) {
                throw cause;
            }
            throw e;
        }
    }
}
