package dev.hark.pipeline.prune;

import dev.hark.pipeline.distill.DistillStage;
import dev.hark.pipeline.distill.DistillationRow;
import dev.hark.pipeline.distill.DistillationTable;
import dev.hark.trainer.eval.PairedBootstrap;
import dev.hark.trainer.eval.Scores;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The pruning table: the {@link DistillationTable} of the source (first) and its pruned models, and each pruned
 * network against the source's on the same test clips: the difference of their au_fa_fr, its 95% paired-bootstrap
 * interval ({@link PairedBootstrap}) and the verdict it gives, float against float and int8 against int8.
 *
 * @param distillationTable sizes, costs, au_fa_fr with intervals and ratios to the source
 * @param versusSource      per pruned model (table order, the source left out), its comparisons
 * @param resamples         bootstrap resamples
 * @param bootstrapSeed     the bootstrap's seed
 */
public record PruningTable(DistillationTable distillationTable, List<VersusSource> versusSource, int resamples,
                           long bootstrapSeed) {
    /**
     * @param model  the pruned model's name
     * @param floatComparison its float network against the source's
     * @param int8   its int8 network against the source's; empty while either int8 network is pending
     */
    public record VersusSource(String model, PairedBootstrap.Comparison floatComparison,
                               Optional<PairedBootstrap.Comparison> int8) {
    }

    public PruningTable {
        versusSource = List.copyOf(versusSource);
    }

    /**
     * @param evaluated the source first, then the pruned models, all scored on the same clips
     * @throws IllegalArgumentException if there is no pruned model
     */
    public static PruningTable of(List<DistillStage.Evaluated> evaluated, int resamples, long bootstrapSeed) {
        if (evaluated.size() < 2) {
            throw new IllegalArgumentException("pruning table: the source and at least one pruned model are needed");
        }
        boolean[] isKeyword = evaluated.get(0).floatScores().isKeyword();
        List<List<float[]>> networks = new ArrayList<>();
        for (DistillStage.Evaluated e : evaluated) {
            networks.add(List.of(e.floatScores().keywordScore()));
            networks.add(List.of(e.int8Scores().orElse(e.floatScores()).keywordScore()));
        }
        PairedBootstrap bootstrap = PairedBootstrap.run(isKeyword, networks, resamples, bootstrapSeed);
        boolean sourceInt8 = evaluated.get(0).int8Scores().isPresent();
        List<VersusSource> versus = new ArrayList<>();
        List<DistillationRow> rows = new ArrayList<>();
        for (int m = 0; m < evaluated.size(); m++) {
            DistillStage.Evaluated e = evaluated.get(m);
            rows.add(e.row());
            if (m > 0) {
                Optional<Scores> int8 = e.int8Scores();
                versus.add(new VersusSource(e.row().student().name(), bootstrap.compare(2 * m, 0),
                        int8.isPresent() && sourceInt8 ? Optional.of(bootstrap.compare(2 * m + 1, 1))
                                : Optional.empty()));
            }
        }
        return new PruningTable(new DistillationTable(rows), versus, resamples, bootstrapSeed);
    }

    /** The distillation table, then the paired comparisons with the source. */
    public String markdown() {
        String source = distillationTable.rows().get(0).student().name();
        StringBuilder md = new StringBuilder(distillationTable.markdown()).append('\n');
        md.append(String.format(Locale.ROOT, "Against %s on the same test clips: difference = model au_fa_fr - %s's "
                + "(below 0: the model's is lower, better) [95%% paired bootstrap over clips, %d resamples, seed %d];"
                + " a verdict when the interval leaves out 0.%n%n", source, source, resamples, bootstrapSeed));
        md.append("| model | float: difference [95%] | verdict | int8: difference [95%] | verdict |\n");
        md.append("|---|---|---|---|---|\n");
        for (VersusSource v : versusSource) {
            md.append(String.format(Locale.ROOT, "| %s | %s | %s | %s | %s |%n", v.model(), difference(v.floatComparison()),
                    v.floatComparison().verdict().naming(v.model() + " float", source + " float"),
                    v.int8().map(PruningTable::difference).orElse("pending"),
                    v.int8().map(c -> c.verdict().naming(v.model() + " int8", source + " int8")).orElse("pending")));
        }
        return md.toString();
    }

    private static String difference(PairedBootstrap.Comparison c) {
        return String.format(Locale.ROOT, "%+.5f [%+.5f, %+.5f]", c.difference(), c.interval().low(),
                c.interval().high());
    }
}
