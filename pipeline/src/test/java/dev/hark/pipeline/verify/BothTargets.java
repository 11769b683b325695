package dev.hark.pipeline.verify;

import static org.junit.jupiter.api.Assertions.fail;

import dev.hark.firmware.run.ListenComparison;
import dev.hark.firmware.run.MissingToolException;
import dev.hark.firmware.run.Target;
import dev.hark.firmware.run.TraceComparison;
import dev.hark.sim.kernels.Rounding;
import dev.hark.sim.model.QuantizedModel;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Assumptions;

/**
 * How the differential tests run: the same cases through the host build and the Cortex-M4 build side by side (each
 * target through every case in order, one firmware project per rounding mode, so the kernels compile once), then one
 * line of figures and a failure listing every differing run. A missing tool skips the test, naming it.
 */
final class BothTargets {
    /** What one target gave: bytes compared, a count the test reports (steps, detections), a line per difference. */
    record Outcome(long bytesCompared, long count, List<String> failures) {
    }

    /** A case of a differential test: its model, and what it is, for a failure. */
    interface Case {
        QuantizedModel model();

        String describe();
    }

    /** One case's comparison on one target: bytes compared, what the test counts, and the summary. */
    record Compared(long bytes, long count, boolean identical, String summary) {
        static Compared of(TraceComparison.Result result, long count) {
            return new Compared(result.bytesCompared(), count, result.identical(), result.summary());
        }

        static Compared of(ListenComparison.Result result) {
            return new Compared(result.bytesCompared(), result.detections(), result.identical(), result.summary());
        }
    }

    /** Runs one case on a target with the check of its model's rounding. */
    interface CaseRun<C extends Case> {
        Compared compare(C c, FirmwareCheck check) throws IOException;
    }

    private BothTargets() {
    }

    /**
     * @param work  the folder of the firmware projects ({@code <target>-<rounding>} inside)
     * @param label what the summary line starts with
     * @return the host's and the Cortex-M4's outcomes, in that order, when no run differs
     */
    static <C extends Case> List<Outcome> run(Path work, String label, List<C> cases, CaseRun<C> run)
            throws Exception {
        return run(work, label, List.of(Target.HOST, Target.MPS2_AN386), cases, run);
    }

    /**
     * As {@link #run(Path, String, List, CaseRun)}, on {@code targets}, two at a time.
     *
     * @return the targets' outcomes, in their order, when no run differs
     */
    static <C extends Case> List<Outcome> run(Path work, String label, List<Target> targets, List<C> cases,
                                              CaseRun<C> run) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<Outcome>> tasks = new ArrayList<>();
            for (Target target : targets) {
                tasks.add(pool.submit(() -> runAll(cases, target, checks(work, target), run)));
            }
            List<Outcome> outcomes = new ArrayList<>();
            for (Future<Outcome> task : tasks) {
                outcomes.add(unwrap(task));
            }
            List<String> failures = new ArrayList<>();
            long bytes = 0;
            for (Outcome o : outcomes) {
                failures.addAll(o.failures());
                bytes += o.bytesCompared();
            }
            System.out.println(label + " x " + targets.stream().map(Target::makeName).toList() + ", " + bytes
                    + " bytes compared, " + failures.size() + " runs differing");
            if (!failures.isEmpty()) {
                fail(failures.size() + " of " + targets.size() * cases.size() + " runs differ:\n"
                        + String.join("\n", failures));
            }
            return outcomes;
        } finally {
            pool.shutdownNow();
        }
    }

    /** Every case on one target, in order; the count is the sum of the cases'. */
    private static <C extends Case> Outcome runAll(List<C> cases, Target target, Map<Rounding, FirmwareCheck> checks,
                                                   CaseRun<C> run) throws IOException {
        List<String> failures = new ArrayList<>();
        long bytes = 0;
        long count = 0;
        for (C c : cases) {
            Compared result = run.compare(c, checks.get(c.model().rounding()));
            bytes += result.bytes();
            count += result.count();
            if (!result.identical()) {
                failures.add(target.makeName() + " (" + target.core() + "), " + c.describe() + ": " + result.summary());
            }
        }
        return new Outcome(bytes, count, failures);
    }

    private static Map<Rounding, FirmwareCheck> checks(Path work, Target target) throws IOException {
        Map<Rounding, FirmwareCheck> checks = new EnumMap<>(Rounding.class);
        for (Rounding rounding : Rounding.values()) {
            checks.put(rounding, new FirmwareCheck(work.resolve(target.makeName() + "-" + rounding), target,
                    rounding));
        }
        return checks;
    }

    private static Outcome unwrap(Future<Outcome> task) throws Exception {
        try {
            return task.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof MissingToolException missing) {
                Assumptions.abort(missing.getMessage());
            }
            throw e;
        }
    }
}
